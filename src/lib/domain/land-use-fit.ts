/**
 * How well a plot's land use suits an industry, by the industry's group: manufacturing needs
 * industrial land (research and mixed-use land only in part, logistics land not at all);
 * services want commercial, office, mixed or logistics land; the digital economy offices,
 * research or mixed land (industrial land in part). 1 fits, 0.5 fits in part, 0 does not.
 */
import type { IndustryGroup, LandUse } from './vocab';

export const LAND_USE_FIT: Record<IndustryGroup, Record<LandUse, number>> = {
	leading: { industrial: 1, research: 0.5, mixed: 0.5, logistics: 0, commercial: 0, office: 0 },
	services: { commercial: 1, office: 1, mixed: 1, logistics: 1, research: 0.5, industrial: 0 },
	digital: { office: 1, research: 1, mixed: 1, industrial: 0.5, commercial: 0.5, logistics: 0 }
};

export const landUseFit = (group: IndustryGroup, use: LandUse): number => LAND_USE_FIT[group][use] ?? 0;
