/**
 * The investment heat map: a metric summed into hexagons sized to the zoom
 * (ST_Hexagon's grid in Web Mercator, ~36 px across on screen), over the visible box. Available
 * land, vacant floor area and demand are kept per hexagon at zooms 4–14 by the writes themselves
 * (migrations 0014 and 0016); other zooms and metrics are summed from their points per request.
 * Only published data counts. deck.gl draws the result in the browser.
 *
 * Metrics: available land (亩), vacant floor area (m²), demand (enquiries in the last
 * year plus site-page views in the last 90 days: a count anyone can read), and match (the
 * best finder score, 0–100, of the sites in the cell that match the investor's current
 * query), and — for staff — unmet
 * demand (finder searches of the last 13 weeks that found nothing, at their area of interest).
 */
import { toMercator } from '../../geo/tiles';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { parseFinderQuery, type FieldError } from '../../domain/finder';
import { SearchInputError, matchPointsSql } from '../search';
import { publicAnswers } from '../cache/versioned';

export const HEAT_METRICS = ['available_land', 'vacant_floor', 'demand', 'match', 'unmet'] as const;
/** Metrics only promotion staff may ask for (what investors looked for and did not find). */
export const STAFF_HEAT_METRICS: readonly HeatMetric[] = ['unmet'];
export type HeatMetric = (typeof HEAT_METRICS)[number];

/** Hexagon edge length, in EPSG:3857 metres, for a map zoom (512 px tiles). */
export function hexSizeM(zoom: number): number {
	const metresPerPixel = 78_271.517 / 2 ** zoom;
	return 18 * metresPerPixel;
}

/** Hexagons per request at most; a bigger box must be asked for at a lower zoom. */
export const MAX_HEXAGONS = 6000;

export interface HeatCell {
	/** Hexagon ring, [lon, lat] pairs. */
	polygon: [number, number][];
	value: number;
	/** How many sites the value sums. */
	count: number;
}

export interface HeatResult {
	metric: HeatMetric;
	unit: 'mu' | 'm2' | 'demand' | 'match' | 'searches';
	cells: HeatCell[];
	/** Class breaks for the legend (quantiles of the cell values), ascending. */
	breaks: number[];
	max: number;
}

export class HeatInputError extends Error {
	constructor(readonly errors: FieldError[]) {
		super(errors.map((e) => e.message).join(' '));
	}
}

/** Metrics kept per hexagon in the database (heat_sources, heat_cells; migration 0014), at these zooms. */
const KEPT: readonly HeatMetric[] = ['available_land', 'vacant_floor', 'demand'];
export const KEPT_ZOOMS = { min: 4, max: 14 } as const;

/** Hexagon columns and rows that can touch a box (EPSG:3857), one spare each way. */
function hexRange(box: [number, number, number, number], size: number) {
	const h = Math.sqrt(3) * size;
	return {
		i0: Math.floor(box[0] / (1.5 * size)) - 1,
		i1: Math.ceil(box[2] / (1.5 * size)) + 1,
		j0: Math.floor(box[1] / h) - 1,
		j1: Math.ceil(box[3] / h) + 1
	};
}

/** The (value, sites) per hexagon `i, j` of a request, as the relation `cells(i, j, value, sites)`. */
function cellsSql(metric: HeatMetric, zoom: number, box: [number, number, number, number], size: number, matches: SQL | null): SQL {
	const [x0, y0, x1, y1] = box;
	if (KEPT.includes(metric) && zoom >= KEPT_ZOOMS.min && zoom <= KEPT_ZOOMS.max) {
		const r = hexRange(box, size);
		return sql`select c.i, c.j, c.value, c.sites from heat_cells c
			where c.metric = ${metric} and c.zoom = ${zoom}::smallint and c.i between ${r.i0}::int and ${r.i1}::int and c.j between ${r.j0}::int and ${r.j1}::int`;
	}
	const sources = KEPT.includes(metric)
		? sql`select s.x, s.y, s.value from heat_sources s
			where s.metric = ${metric} and s.x between ${x0}::float8 - ${size}::float8 and ${x1}::float8 + ${size}::float8
				and s.y between ${y0}::float8 - ${size}::float8 and ${y1}::float8 + ${size}::float8`
		: metric === 'match'
			? (matches ?? sql`select 0::float8 as x, 0::float8 as y, 0::float8 as value where false`)
			: sql`select ST_X(p) as x, ST_Y(p) as y, c.v as value from (
					select split_part(cell, ',', 1)::float8 as lon, split_part(cell, ',', 2)::float8 as lat, sum(searches)::float8 as v
					from search_demand where not found and cell <> '' and week_of > current_date - 91 group by cell
				) c cross join lateral ST_Transform(ST_SetSRID(ST_MakePoint(c.lon, c.lat), 4326), 3857) p`;
	const agg = metric === 'match' ? sql`max(s.value)` : sql`sum(s.value)`;
	return sql`select h.i, h.j, ${agg} as value, count(*)::int as sites
		from (${sources}) s cross join lateral hex_cell(s.x, s.y, ${size}::float8) h
		where s.value > 0 group by h.i, h.j`;
}

export function parseHeatRequest(params: URLSearchParams): { metric: HeatMetric; zoom: number; bbox: [number, number, number, number] } {
	const errors: FieldError[] = [];
	const metric = params.get('metric') ?? 'available_land';
	if (!(HEAT_METRICS as readonly string[]).includes(metric)) {
		errors.push({
			field: 'metric',
			code: 'unknown',
			message: `Unknown metric "${metric}"; use one of: ${HEAT_METRICS.join(', ')}.`,
			params: { value: metric }
		});
	}
	const zoom = Number(params.get('z') ?? '');
	if (!Number.isFinite(zoom) || zoom < 0 || zoom > 22)
		errors.push({ field: 'z', code: 'between', message: 'z must be a zoom between 0 and 22.', params: { value: String(zoom), min: 0, max: 22 } });
	const b = (params.get('bbox') ?? '').split(',').map(Number);
	const bboxOk = b.length === 4 && b.every(Number.isFinite) && b[0] < b[2] && b[1] < b[3] && b[0] >= -180 && b[2] <= 180 && b[1] >= -85 && b[3] <= 85;
	if (!bboxOk) errors.push({ field: 'bbox', code: 'malformed_bbox', message: 'bbox must be "west,south,east,north" in degrees.' });
	if (errors.length) throw new HeatInputError(errors);
	return { metric: metric as HeatMetric, zoom, bbox: b as [number, number, number, number] };
}

const UNITS: Record<HeatMetric, HeatResult['unit']> = {
	available_land: 'mu',
	vacant_floor: 'm2',
	demand: 'demand',
	match: 'match',
	unmet: 'searches'
};

export async function heatCells(
	db: Pick<Database, 'rows'>,
	req: { metric: HeatMetric; zoom: number; bbox: [number, number, number, number] },
	/** For the match metric: the relation (x, y, value) of the matches' anchors (EPSG:3857) and scores. */
	matches: SQL | null = null
): Promise<HeatResult> {
	const zoom = Math.round(req.zoom);
	const size = hexSizeM(zoom);
	const [w, s, e, n] = req.bbox;
	const [x0, y0] = toMercator([w, s]);
	const [x1, y1] = toMercator([e, n]);
	const hexArea = 2.598 * size * size;
	if (((x1 - x0) * (y1 - y0)) / hexArea > MAX_HEXAGONS) {
		throw new HeatInputError([
			{
				field: 'bbox',
				code: 'too_many_cells',
				message: `The box needs more than ${MAX_HEXAGONS} hexagons at zoom ${zoom}; zoom out or ask for a smaller box.`,
				params: { max: MAX_HEXAGONS }
			}
		]);
	}
	const box: [number, number, number, number] = [x0, y0, x1, y1];
	// The hexagons that hold something and touch the box; each drawn by ST_Hexagon from its i, j.
	// (`offset 0` keeps the box test on the cells: pushed below the grouping it ran once per site.)
	const rows = await db.rows<{ ring: string; value: number; count: number }>(sql`
		select ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_Hexagon(${size}::float8, c.i, c.j), 3857), 4326), 6) as ring,
			c.value::float8 as value, c.sites::int as count
		from (${cellsSql(req.metric, zoom, box, size, matches)} offset 0) c
		where c.value > 0
			and ST_Intersects(ST_SetSRID(ST_Hexagon(${size}::float8, c.i, c.j), 3857), ST_MakeEnvelope(${x0}::float8, ${y0}::float8, ${x1}::float8, ${y1}::float8, 3857))`);
	const cells = rows.map((r) => ({
		polygon: JSON.parse(r.ring).coordinates[0] as [number, number][],
		value: Number(r.value),
		count: Number(r.count)
	}));
	const values = cells.map((c) => c.value).sort((a, b) => a - b);
	const breaks = [0.2, 0.4, 0.6, 0.8].map((q) => values[Math.floor(q * (values.length - 1))] ?? 0);
	return { metric: req.metric, unit: UNITS[req.metric], cells, breaks: [...new Set(breaks)], max: values[values.length - 1] ?? 0 };
}

/**
 * A heat request as the map sends it: metric, zoom and box, plus — for the "match" metric —
 * the finder's own parameters, whose matches are summed.
 */
export async function heatForParams(db: Database, params: URLSearchParams): Promise<HeatResult> {
	const req = parseHeatRequest(params);
	const key = new URLSearchParams([...params].sort(([a], [b]) => a.localeCompare(b)));
	// Demand counts page views and searches, which move without a layer version: its answer lives a minute.
	return publicAnswers.get(db, `heat?${key}`, () => computeHeat(db, req, params), req.metric === 'demand' || req.metric === 'unmet' ? 60_000 : undefined);
}

async function computeHeat(db: Database, req: ReturnType<typeof parseHeatRequest>, params: URLSearchParams): Promise<HeatResult> {
	let matches: SQL | null = null;
	if (req.metric === 'match') {
		const finder = new URLSearchParams(params);
		for (const k of ['metric', 'z', 'bbox']) finder.delete(k);
		const { query, errors } = parseFinderQuery(finder);
		if (errors.length) throw new SearchInputError(errors);
		// The matches in the box with a hexagon's margin, scored in the database.
		const [w, s, e, n] = req.bbox;
		const m = (hexSizeM(Math.round(req.zoom)) / 111_320) * 2;
		matches = await matchPointsSql(db, query, [w - m, s - m, e + m, n + m]);
	}
	return heatCells(db, req, matches);
}
