/**
 * When a search finds nothing: each criterion the investor set, dropped on its own, as a
 * query of its own — so the finder can say which one excluded the most sites and offer the
 * widened search in one click. A distance to a facility is widened rather than dropped:
 * the nearest fitting site's distance, rounded up to the next half kilometre, is the offer.
 */
import { DEFAULT_WITHIN_KM, MAX_RADIUS_KM, type FinderQuery } from './finder';

export const RELAXABLE = [
	'distance',
	'area',
	'price',
	'readiness',
	'status',
	'landUse',
	'industry',
	'chain',
	'place',
	'buildingKind',
	'rent',
	'vacant',
	'stale'
] as const;
export type Relaxable = (typeof RELAXABLE)[number];

/** The query without one criterion (the distance widened to the largest radius), for each criterion set. */
export function relaxations(q: FinderQuery): { criterion: Relaxable; query: FinderQuery }[] {
	const base = { ...q, page: 1 };
	const out: { criterion: Relaxable; query: FinderQuery }[] = [];
	const add = (criterion: Relaxable, set: boolean, change: Partial<FinderQuery>) => {
		if (set) out.push({ criterion, query: { ...base, ...change } });
	};
	add('distance', !!q.near, { withinKm: MAX_RADIUS_KM });
	if (q.kind === 'plot') {
		add('area', q.areaMin !== undefined || q.areaMax !== undefined, { areaMin: undefined, areaMax: undefined });
		add('price', q.priceMax !== undefined, { priceMax: undefined });
		add('readiness', q.readiness.length > 0, { readiness: [] });
		add('status', q.status.length > 0, { status: [] });
		add('landUse', q.landUse.length > 0, { landUse: [] });
	} else {
		add('buildingKind', q.buildingKind.length > 0, { buildingKind: [] });
		add('rent', q.rentMax !== undefined, { rentMax: undefined });
		add('vacant', q.vacantMin !== undefined, { vacantMin: undefined });
	}
	add('industry', !!q.industry, { industry: undefined });
	add('chain', !!q.chain, { chain: undefined });
	add('place', !!(q.bbox || q.polygon || q.circle), { bbox: undefined, polygon: undefined, circle: undefined });
	add('stale', !q.includeStale, { includeStale: true });
	return out;
}

/** The radius to offer for a nearest fitting site this far away: the next half kilometre above it. */
export function widenedKm(nearestKm: number, askedKm = DEFAULT_WITHIN_KM): number {
	return Math.min(MAX_RADIUS_KM, Math.max(askedKm, Math.ceil(nearestKm * 2) / 2));
}
