/**
 * The investment heat map: a metric summed into hexagons sized to the zoom
 * (ST_HexagonGrid in Web Mercator, ~36 px across on screen), over the visible box.
 * Only published data counts. deck.gl draws the result in the browser.
 *
 * Metrics: available land (亩), vacant floor area (m²), demand (enquiries in the last
 * year plus site-page views in the last 90 days: a count anyone can read), and match (the
 * best finder score, 0–100, of the sites in the cell that match the investor's current
 * query), and — for staff — unmet
 * demand (finder searches of the last 13 weeks that found nothing, at their area of interest).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { parseFinderQuery, type FieldError } from '../../domain/finder';
import { SearchInputError, searchSites } from '../search';
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

/** Points (in EPSG:3857) with the metric's value each. */
function metricPoints(metric: HeatMetric, matchPoints: { lon: number; lat: number; score: number }[]): SQL {
	const pt = (geom: SQL) => sql`ST_Transform(ST_PointOnSurface(${geom}), 3857)`;
	switch (metric) {
		case 'available_land':
			return sql`select ${pt(sql`p.boundary`)} as g, p.area_m2 / (10000.0 / 15) as v
				from plots p join parks pk on pk.id = p.park_id
				where p.published and pk.published and p.supply_status = 'available' and p.boundary && b4326`;
		case 'vacant_floor':
			return sql`select ${pt(sql`b.footprint`)} as g, o.vacant_m2 as v
				from buildings b join parks pk on pk.id = b.park_id
					cross join lateral building_occupancy(b.id, b.leasable_area_m2, b.leased_area_m2) o
				where b.published and pk.published and b.footprint && b4326`;
		case 'demand':
			return sql`
				select ${pt(sql`geom`)} as g, sum(v) as v from (
					select coalesce(pl.boundary, bl.footprint, pk.boundary) as geom, 1.0 as v
					from enquiries e left join plots pl on pl.id = e.plot_id and pl.published
						left join buildings bl on bl.id = e.building_id and bl.published
						left join parks pk on pk.id = e.park_id and pk.published
					where e.created_at > now() - interval '365 days'
					union all
					select coalesce(pl.boundary, bl.footprint, pk.boundary), sv.views::float8
					from site_views sv
						left join plots pl on sv.site_kind = 'plot' and pl.code = sv.site_code and pl.published
						left join buildings bl on sv.site_kind = 'building' and bl.code = sv.site_code and bl.published
						left join parks pk on sv.site_kind = 'park' and pk.code = sv.site_code and pk.published
					where sv.day > current_date - 90
				) d where geom is not null and geom && b4326 group by geom`;
		case 'unmet':
			return sql`select ST_Transform(c.pt, 3857) as g, c.v from (
					select ST_SetSRID(ST_MakePoint(split_part(cell, ',', 1)::float8, split_part(cell, ',', 2)::float8), 4326) as pt, sum(searches)::float8 as v
					from search_demand where not found and cell <> '' and week_of > current_date - 91 group by cell
				) c where c.pt && b4326`;
		case 'match':
			return sql`select ST_Transform(ST_SetSRID(ST_MakePoint(m.lon, m.lat), 4326), 3857) as g, m.score::float8 as v
				from jsonb_to_recordset(${JSON.stringify(matchPoints)}::jsonb) as m(lon float8, lat float8, score float8)`;
	}
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
	db: Database,
	req: { metric: HeatMetric; zoom: number; bbox: [number, number, number, number] },
	matchPoints: { lon: number; lat: number; score: number }[] = []
): Promise<HeatResult> {
	const size = hexSizeM(req.zoom);
	const [w, s, e, n] = req.bbox;
	const [extent] = await db.rows<{ area: number }>(sql`select ST_Area(ST_Transform(ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326), 3857)) as area`);
	const hexArea = 2.598 * size * size;
	if (Number(extent.area) / hexArea > MAX_HEXAGONS) {
		throw new HeatInputError([
			{
				field: 'bbox',
				code: 'too_many_cells',
				message: `The box needs more than ${MAX_HEXAGONS} hexagons at zoom ${req.zoom}; zoom out or ask for a smaller box.`,
				params: { max: MAX_HEXAGONS }
			}
		]);
	}
	// Each point finds its own hexagon (a grid over the point's 1 m box yields the one or two
	// cells touching it), so the work grows with the points, not with hexagons × points.
	const rows = await db.rows<{ ring: string; value: number; count: number }>(sql`
		with env as (
			select ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326) as b4326
		), pts as (
			select row_number() over () as pid, p.g, p.v from env cross join lateral (${metricPoints(req.metric, matchPoints)}) p
			where p.v > 0
		), hit as (
			select distinct on (pts.pid) pts.v, h.i, h.j, h.geom
			from pts cross join lateral ST_HexagonGrid(${size}::float8, ST_Expand(pts.g, 1)) h
			where ST_Intersects(h.geom, pts.g)
			order by pts.pid, h.i, h.j
		), cells as (
			select i, j, (array_agg(geom))[1] as geom, ${req.metric === 'match' ? sql`max(v)` : sql`sum(v)`} as value, count(*) as count from hit group by i, j
		)
		select ST_AsGeoJSON(ST_Transform(geom, 4326), 6) as ring, value::float8 as value, count::int as count from cells`);
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
	let points: { lon: number; lat: number; score: number }[] = [];
	if (req.metric === 'match') {
		const finder = new URLSearchParams(params);
		for (const k of ['metric', 'z', 'bbox']) finder.delete(k);
		const { query, errors } = parseFinderQuery(finder);
		if (errors.length) throw new SearchInputError(errors);
		points = (await searchSites(db, { ...query, page: 1, pageSize: 1 })).matches;
	}
	return heatCells(db, req, points);
}
