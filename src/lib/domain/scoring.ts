/**
 * The finder's match score (0–100) and the reasons behind it, in plain words. Each
 * criterion the investor set earns points in proportion to how well the site meets it;
 * the score is the share of points earned over the criteria that apply, so a site is
 * never ranked on something nobody asked for. Reasons are message keys with
 * parameters, so the UI can say them in either language.
 */
import type { FinderQuery } from './finder';
import { areaBoundsM2, DEFAULT_WITHIN_KM } from './finder';
import { fromM2, roundTo } from './units';
import type { FacilityKind, IndustryGroup, LandUse } from './vocab';
import { landUseFit } from './land-use-fit';

/** Radius within which existing enterprises count for chain fit, km. */
export const CHAIN_RADIUS_KM = 5;
/** Suppliers or customers nearby beyond which chain fit earns nothing more. */
export const CHAIN_FULL_MARKS = 5;

export interface NamePair {
	zh: string;
	en: string;
}

export interface SiteCandidate {
	kind: 'plot' | 'building';
	code: string;
	/** Plot area (plots) or vacant floor area (buildings), m². */
	areaM2: number;
	priceWanPerMu: number | null;
	readinessItems: string[];
	/** A plot's land use (null for buildings). */
	landUse?: LandUse | null;
	/** Industry codes the site is suited to (plots) or its park is positioned for (buildings). */
	industries: string[];
	/** Chain codes of the site's park positioning. */
	chains: string[];
	/** Distance to the nearest facility of the asked kind, km. */
	distanceKm: number | null;
	/** Enterprises of the investor's chain upstream / downstream of its link within CHAIN_RADIUS_KM. */
	upstream: number;
	downstream: number;
	rentYuanPerM2Day: number | null;
	daysSinceConfirmed: number;
}

export interface Reason {
	key: 'industry' | 'land_use' | 'chain' | 'area' | 'vacant' | 'price' | 'rent' | 'readiness' | 'distance' | 'upstream' | 'downstream' | 'stale';
	ok: boolean;
	params: Record<string, string | number>;
}

export interface ScoreContext {
	industryName?: NamePair;
	/** The asked industry's group, which decides the land uses that suit it. */
	industryGroup?: IndustryGroup;
	chainName?: NamePair;
	facility?: FacilityKind;
	staleAfterDays: number;
}

interface Part {
	weight: number;
	earned: number;
	reason?: Reason;
}

/** Scores one site against a query. Pure: same inputs, same score and reasons. */
export function scoreSite(c: SiteCandidate, q: FinderQuery, ctx: ScoreContext): { score: number; reasons: Reason[] } {
	const parts: Part[] = [];

	if (q.industry) {
		const ok = c.industries.includes(q.industry);
		parts.push({ weight: 25, earned: ok ? 25 : 0, reason: { key: 'industry', ok, params: nameParams('industry', ctx.industryName, q.industry) } });
		// A plot suited to the industry on paper still needs land it may be built for.
		if (c.kind === 'plot' && c.landUse && ctx.industryGroup) {
			const fit = landUseFit(ctx.industryGroup, c.landUse);
			parts.push({
				weight: 15,
				earned: 15 * fit,
				reason: { key: 'land_use', ok: fit >= 1, params: { use: c.landUse, fit, ...nameParams('industry', ctx.industryName, q.industry) } }
			});
		}
	}
	if (q.chain) {
		const ok = c.chains.includes(q.chain);
		parts.push({ weight: 15, earned: ok ? 15 : 0, reason: { key: 'chain', ok, params: nameParams('chain', ctx.chainName, q.chain) } });
	}
	if (c.kind === 'plot') {
		const { min, max } = areaBoundsM2(q);
		if (min !== undefined || max !== undefined) {
			const ok = (min === undefined || c.areaM2 >= min) && (max === undefined || c.areaM2 <= max);
			// Within range, a site close to the minimum wastes less land than a much larger one.
			const slack = min !== undefined && min > 0 ? Math.min(1, (c.areaM2 - min) / (2 * min)) : 0;
			const value = roundTo(fromM2(c.areaM2, q.areaUnit), q.areaUnit === 'm2' ? 0 : 1);
			parts.push({
				weight: 15,
				earned: ok ? 15 * (1 - 0.5 * Math.max(0, slack)) : 0,
				reason: {
					key: 'area',
					ok,
					params: {
						value,
						unit: q.areaUnit,
						...(min !== undefined ? { min: q.areaMin! } : {}),
						...(max !== undefined ? { max: q.areaMax! } : {})
					}
				}
			});
		}
		if (q.priceMax !== undefined && c.priceWanPerMu !== null) {
			const ok = c.priceWanPerMu <= q.priceMax;
			const cheapness = q.priceMax > 0 ? Math.max(0, 1 - c.priceWanPerMu / q.priceMax) : 0;
			parts.push({ weight: 10, earned: ok ? 5 + 5 * cheapness : 0, reason: { key: 'price', ok, params: { value: c.priceWanPerMu, max: q.priceMax } } });
		}
		// Readiness always counts for land: serviced land is worth more to an investor in a hurry.
		const asked = q.readiness.length ? q.readiness : null;
		const have = asked ? asked.filter((i) => c.readinessItems.includes(i)).length : c.readinessItems.length;
		const of = asked ? asked.length : 10;
		parts.push({ weight: 10, earned: (10 * have) / of, reason: { key: 'readiness', ok: have === of, params: { have, of } } });
	} else {
		if (q.vacantMin !== undefined) {
			const ok = c.areaM2 >= q.vacantMin;
			parts.push({ weight: 15, earned: ok ? 15 : 0, reason: { key: 'vacant', ok, params: { value: Math.round(c.areaM2), min: q.vacantMin } } });
		}
		if (q.rentMax !== undefined && c.rentYuanPerM2Day !== null) {
			const ok = c.rentYuanPerM2Day <= q.rentMax;
			const cheapness = q.rentMax > 0 ? Math.max(0, 1 - c.rentYuanPerM2Day / q.rentMax) : 0;
			parts.push({ weight: 10, earned: ok ? 5 + 5 * cheapness : 0, reason: { key: 'rent', ok, params: { value: c.rentYuanPerM2Day, max: q.rentMax } } });
		}
	}
	if (q.near && c.distanceKm !== null) {
		const within = q.withinKm ?? DEFAULT_WITHIN_KM;
		const ok = c.distanceKm <= within;
		const closeness = within > 0 ? Math.max(0, 1 - c.distanceKm / within) : 0;
		parts.push({
			weight: 10,
			earned: ok ? 5 + 5 * closeness : 0,
			reason: { key: 'distance', ok, params: { km: roundTo(c.distanceKm, 1), facility: q.near } }
		});
	}
	if (q.link) {
		const n = c.upstream + c.downstream;
		parts.push({ weight: 15, earned: (15 * Math.min(n, CHAIN_FULL_MARKS)) / CHAIN_FULL_MARKS });
		if (c.upstream > 0) parts.push({ weight: 0, earned: 0, reason: { key: 'upstream', ok: true, params: { n: c.upstream, km: CHAIN_RADIUS_KM } } });
		if (c.downstream > 0) parts.push({ weight: 0, earned: 0, reason: { key: 'downstream', ok: true, params: { n: c.downstream, km: CHAIN_RADIUS_KM } } });
		if (n === 0) parts.push({ weight: 0, earned: 0, reason: { key: 'upstream', ok: false, params: { n: 0, km: CHAIN_RADIUS_KM } } });
	}
	// Freshness: stale data is worth less, whatever else matches.
	const stale = c.daysSinceConfirmed >= ctx.staleAfterDays;
	parts.push({ weight: 5, earned: stale ? 0 : 5, reason: stale ? { key: 'stale', ok: false, params: { days: c.daysSinceConfirmed } } : undefined });

	const weight = parts.reduce((s, p) => s + p.weight, 0);
	const earned = parts.reduce((s, p) => s + p.earned, 0);
	return {
		score: weight > 0 ? Math.round((100 * earned) / weight) : 0,
		reasons: parts.map((p) => p.reason).filter((r): r is Reason => r !== undefined)
	};
}

function nameParams(field: string, name: NamePair | undefined, code: string): Record<string, string> {
	return { [`${field}Zh`]: name?.zh ?? code, [`${field}En`]: name?.en ?? code };
}

/**
 * Orders scored sites: best score first, then the smaller adequate site, then by code in code
 * point order — the order the finder's SQL ranks in (`collate "C"`).
 */
export function compareScored(a: { score: number; areaM2: number; code: string }, b: { score: number; areaM2: number; code: string }): number {
	return b.score - a.score || a.areaM2 - b.areaM2 || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
