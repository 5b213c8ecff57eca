/** The 挂图作战 map's data: each project with a place as a GeoJSON point carrying what its symbol and card show. */
import type { Project } from './server/pipeline/projects';

export function projectFeatures(projects: readonly Project[]) {
	return {
		type: 'FeatureCollection' as const,
		features: projects
			.filter((p) => p.lon !== null && p.lat !== null)
			.map((p) => ({
				type: 'Feature' as const,
				id: p.id,
				geometry: { type: 'Point' as const, coordinates: [p.lon!, p.lat!] },
				properties: {
					id: p.id,
					nameZh: p.nameZh,
					nameEn: p.nameEn,
					investor: p.investorName,
					stage: p.stage,
					warned: p.warnings.length > 0,
					warnings: p.warnings.join(','),
					investmentWan: p.investmentWan,
					park: p.parkCode,
					site: p.site ? `${p.site.kind}:${p.site.code}` : null
				}
			}))
	};
}
