/**
 * How a finder search is counted as demand: the band of the area asked for, the cell of the
 * area of interest, and whether the search asks for anything at all. Pure; the server stores
 * the counts (`server/pipeline/demand`).
 */
import type { FinderQuery } from './finder';
import { m2ToMu, toM2 } from './units';

export const AREA_BANDS = ['lt_10', '10_30', '30_100', '100_300', 'gt_300'] as const;
export type AreaBand = (typeof AREA_BANDS)[number];

/** The band of the least area asked for (else the most), in 亩. */
export function areaBandOf(q: Pick<FinderQuery, 'areaMin' | 'areaMax' | 'areaUnit'>): AreaBand | '' {
	const v = q.areaMin ?? q.areaMax;
	if (v === undefined) return '';
	const mu = m2ToMu(toM2(v, q.areaUnit));
	return mu < 10 ? 'lt_10' : mu < 30 ? '10_30' : mu < 100 ? '30_100' : mu < 300 ? '100_300' : 'gt_300';
}

const CELL = 0.02;
/** The area of interest's cell: the centre of the circle, drawn polygon or view, snapped to a 0.02° grid (its centre). */
export function cellOf(q: Pick<FinderQuery, 'circle' | 'polygon' | 'bbox'>): string {
	let lon: number | undefined;
	let lat: number | undefined;
	if (q.circle) [lon, lat] = [q.circle.lon, q.circle.lat];
	else if (q.polygon?.length) {
		lon = q.polygon.reduce((s, p) => s + p[0], 0) / q.polygon.length;
		lat = q.polygon.reduce((s, p) => s + p[1], 0) / q.polygon.length;
	} else if (q.bbox) [lon, lat] = [(q.bbox[0] + q.bbox[2]) / 2, (q.bbox[1] + q.bbox[3]) / 2];
	if (lon === undefined || lat === undefined) return '';
	const snap = (v: number) => (Math.floor(v / CELL) * CELL + CELL / 2).toFixed(3);
	return `${snap(lon)},${snap(lat)}`;
}

/** Whether a search says what the investor wants (a plain map view is not demand). */
export const hasIntent = (q: FinderQuery) =>
	q.page === 1 &&
	Boolean(q.industry || q.chain || q.link || q.landUse.length || q.areaMin !== undefined || q.areaMax !== undefined || q.vacantMin !== undefined);
