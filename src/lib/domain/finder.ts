/**
 * The site finder's query: what an investor asks for, parsed from and written to a
 * URL query string (the URL carries the whole state, so a copied link reproduces it).
 * Shared by the browser and the server; bad input gives field-level errors.
 */
import type { AreaUnit } from './units';
import { toM2 } from './units';
import {
	BUILDING_KINDS,
	FACILITY_KINDS,
	LAND_USES,
	READINESS_ITEMS,
	SUPPLY_STATUSES,
	isOneOf,
	type BuildingKind,
	type FacilityKind,
	type LandUse,
	type ReadinessItem,
	type SupplyStatus
} from './vocab';

export const FINDER_KINDS = ['plot', 'building'] as const;
export type FinderKind = (typeof FINDER_KINDS)[number];
export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 10;
/** Largest drawn polygon accepted, in vertices. */
export const MAX_POLYGON_VERTICES = 500;
export const MAX_RADIUS_KM = 100;
/** Distance to a facility when none is given, km. */
export const DEFAULT_WITHIN_KM = 5;

export interface FinderQuery {
	kind: FinderKind;
	industry?: string;
	chain?: string;
	/** The investor's own chain link: ranks sites by suppliers and customers nearby. */
	link?: string;
	landUse: LandUse[];
	/** Plot area range, in `areaUnit`. */
	areaMin?: number;
	areaMax?: number;
	areaUnit: AreaUnit;
	/** Reference price ceiling, 万元/亩. */
	priceMax?: number;
	readiness: ReadinessItem[];
	status: SupplyStatus[];
	/** Buildings: least vacant floor area wanted, m². */
	vacantMin?: number;
	/** Buildings: rent ceiling, 元/m²·day. */
	rentMax?: number;
	buildingKind: BuildingKind[];
	near?: FacilityKind;
	withinKm?: number;
	/** Area of interest: current view [w, s, e, n], a drawn polygon ring, or a circle. */
	bbox?: [number, number, number, number];
	polygon?: [number, number][];
	circle?: { lon: number; lat: number; radiusKm: number };
	/** Include records unconfirmed for longer than the freshness limit. */
	includeStale: boolean;
	page: number;
	pageSize: number;
}

export interface FieldError {
	field: string;
	/** 'invalid' | 'unknown' | 'range' | 'too_large' | 'malformed', or an i18n message key (form.*, geometry.*). */
	code: string;
	/** One English sentence naming the field, for API clients; pages render `code` and `params` in the reader's language. */
	message: string;
	/** What the reader's sentence needs: the value given, the bounds. */
	params?: Record<string, string | number>;
}

export const DEFAULT_QUERY: FinderQuery = {
	kind: 'plot',
	landUse: [],
	areaUnit: 'mu',
	readiness: [],
	status: ['available'],
	buildingKind: [],
	includeStale: false,
	page: 1,
	pageSize: DEFAULT_PAGE_SIZE
};

const CODE = /^[a-z0-9_]{1,64}$/;

function list<T extends string>(raw: string | null, allowed: readonly T[], field: string, errors: FieldError[]): T[] {
	if (!raw) return [];
	const out: T[] = [];
	for (const v of raw
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean)) {
		if (isOneOf(allowed, v)) out.push(v);
		else errors.push({ field, code: 'unknown', message: `Unknown ${field} "${v}"; use one of: ${allowed.join(', ')}.`, params: { value: v } });
	}
	return [...new Set(out)];
}

function number(raw: string | null, field: string, errors: FieldError[], opts: { min?: number; max?: number; int?: boolean } = {}): number | undefined {
	if (raw === null || raw.trim() === '') return undefined;
	const v = Number(raw);
	if (!Number.isFinite(v) || (opts.int && !Number.isInteger(v))) {
		errors.push({
			field,
			code: opts.int ? 'not_whole' : 'invalid',
			message: `${field} must be a ${opts.int ? 'whole ' : ''}number, not "${raw}".`,
			params: { value: raw }
		});
		return undefined;
	}
	if ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
		const range = opts.max !== undefined ? `between ${opts.min ?? '-∞'} and ${opts.max}` : `at least ${opts.min}`;
		const params = { value: v, min: opts.min ?? 0, ...(opts.max !== undefined ? { max: opts.max } : {}) };
		errors.push({ field, code: opts.max !== undefined ? 'between' : 'at_least', message: `${field} must be ${range}, not ${v}.`, params });
		return undefined;
	}
	return v;
}

function code(raw: string | null, field: string, errors: FieldError[]): string | undefined {
	if (!raw) return undefined;
	if (!CODE.test(raw)) {
		errors.push({ field, code: 'unknown', message: `${field} must be a code of lower-case letters, digits and "_".`, params: { value: raw } });
		return undefined;
	}
	return raw;
}

const validLon = (v: number) => Number.isFinite(v) && v >= -180 && v <= 180;
const validLat = (v: number) => Number.isFinite(v) && v >= -85 && v <= 85;

/** Parses `lon lat;lon lat;…` into a ring; checks the coordinates, not the topology (the server does that). */
export function parsePolygon(raw: string): [number, number][] | string {
	const pts = raw.split(';').map((p) =>
		p
			.trim()
			.split(/[\s,]+/)
			.map(Number)
	);
	if (pts.length < 3) return 'A polygon needs at least three points "lon lat;lon lat;lon lat".';
	if (pts.length > MAX_POLYGON_VERTICES) return `A polygon may have at most ${MAX_POLYGON_VERTICES} points.`;
	for (const p of pts) {
		if (p.length !== 2 || !validLon(p[0]) || !validLat(p[1])) return `"${p.join(' ')}" is not a longitude and latitude.`;
	}
	return pts as [number, number][];
}

export function parseFinderQuery(input: URLSearchParams): { query: FinderQuery; errors: FieldError[] } {
	const errors: FieldError[] = [];
	// A plain GET form repeats a key per ticked box (landUse=a&landUse=b); links use commas. Accept both,
	// and treat empty fields (an untouched form input) as absent.
	const params = new URLSearchParams();
	for (const key of new Set(input.keys())) {
		const joined = input
			.getAll(key)
			.filter((v) => v.trim() !== '')
			.join(',');
		if (joined !== '' || key === 'status') params.set(key, joined);
	}
	const kindRaw = params.get('kind') ?? 'plot';
	const kind = isOneOf(FINDER_KINDS, kindRaw) ? kindRaw : 'plot';
	if (!isOneOf(FINDER_KINDS, kindRaw))
		errors.push({ field: 'kind', code: 'unknown', message: `kind must be "plot" or "building".`, params: { value: kindRaw } });
	const unitRaw = params.get('unit') ?? 'mu';
	const areaUnit: AreaUnit = unitRaw === 'm2' || unitRaw === 'ha' ? unitRaw : 'mu';
	if (!['mu', 'm2', 'ha'].includes(unitRaw)) errors.push({ field: 'unit', code: 'unknown', message: 'unit must be mu, ha or m2.', params: { value: unitRaw } });
	const status = list(params.get('status'), SUPPLY_STATUSES, 'status', errors);
	const query: FinderQuery = {
		kind,
		industry: code(params.get('industry'), 'industry', errors),
		chain: code(params.get('chain'), 'chain', errors),
		link: code(params.get('link'), 'link', errors),
		landUse: list(params.get('landUse'), LAND_USES, 'landUse', errors),
		areaMin: number(params.get('areaMin'), 'areaMin', errors, { min: 0 }),
		areaMax: number(params.get('areaMax'), 'areaMax', errors, { min: 0 }),
		areaUnit,
		priceMax: number(params.get('priceMax'), 'priceMax', errors, { min: 0 }),
		readiness: list(params.get('readiness'), READINESS_ITEMS, 'readiness', errors),
		status: params.has('status') ? status : [...DEFAULT_QUERY.status],
		vacantMin: number(params.get('vacantMin'), 'vacantMin', errors, { min: 0 }),
		rentMax: number(params.get('rentMax'), 'rentMax', errors, { min: 0 }),
		buildingKind: list(params.get('buildingKind'), BUILDING_KINDS, 'buildingKind', errors),
		near: undefined,
		withinKm: number(params.get('withinKm'), 'withinKm', errors, { min: 0, max: MAX_RADIUS_KM }),
		includeStale: params.get('stale') === '1',
		page: number(params.get('page'), 'page', errors, { min: 1, max: 10_000, int: true }) ?? 1,
		pageSize: number(params.get('pageSize'), 'pageSize', errors, { min: 1, max: MAX_PAGE_SIZE, int: true }) ?? DEFAULT_PAGE_SIZE
	};
	const near = params.get('near');
	if (near) {
		if (isOneOf(FACILITY_KINDS, near)) query.near = near;
		else
			errors.push({
				field: 'near',
				code: 'unknown',
				message: `Unknown facility kind "${near}"; use one of: ${FACILITY_KINDS.join(', ')}.`,
				params: { value: near }
			});
	}
	if (query.near && query.withinKm === undefined) query.withinKm = DEFAULT_WITHIN_KM;
	if (query.areaMin !== undefined && query.areaMax !== undefined && query.areaMin > query.areaMax) {
		errors.push({ field: 'areaMax', code: 'below_min', message: 'areaMax must not be below areaMin.' });
	}
	const bbox = params.get('bbox');
	if (bbox) {
		const b = bbox.split(',').map(Number);
		if (b.length !== 4 || !validLon(b[0]) || !validLat(b[1]) || !validLon(b[2]) || !validLat(b[3]) || b[0] >= b[2] || b[1] >= b[3]) {
			errors.push({ field: 'bbox', code: 'malformed_bbox', message: 'bbox must be "west,south,east,north" in degrees, west < east and south < north.' });
		} else query.bbox = b as [number, number, number, number];
	}
	const polygon = params.get('polygon');
	if (polygon) {
		const ring = parsePolygon(polygon);
		if (typeof ring === 'string') errors.push({ field: 'polygon', code: 'malformed_polygon', message: ring, params: { max: MAX_POLYGON_VERTICES } });
		else query.polygon = ring;
	}
	const circle = params.get('circle');
	if (circle) {
		const c = circle.split(',').map(Number);
		if (c.length !== 3 || !validLon(c[0]) || !validLat(c[1]) || !(c[2] > 0) || c[2] > MAX_RADIUS_KM) {
			errors.push({
				field: 'circle',
				code: 'malformed_circle',
				message: `circle must be "lon,lat,radiusKm" with a radius above 0 and at most ${MAX_RADIUS_KM} km.`,
				params: { max: MAX_RADIUS_KM }
			});
		} else query.circle = { lon: c[0], lat: c[1], radiusKm: c[2] };
	}
	return { query, errors };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** Writes a query as URL parameters, leaving out defaults (and empty form fields, null) so links stay short. */
export function finderParams(q: FinderQuery): URLSearchParams {
	const p = new URLSearchParams();
	if (q.kind !== 'plot') p.set('kind', q.kind);
	if (q.industry) p.set('industry', q.industry);
	if (q.chain) p.set('chain', q.chain);
	if (q.link) p.set('link', q.link);
	if (q.landUse.length) p.set('landUse', q.landUse.join(','));
	if (q.areaMin != null) p.set('areaMin', String(q.areaMin));
	if (q.areaMax != null) p.set('areaMax', String(q.areaMax));
	if (q.areaUnit !== 'mu') p.set('unit', q.areaUnit);
	if (q.priceMax != null) p.set('priceMax', String(q.priceMax));
	if (q.readiness.length) p.set('readiness', q.readiness.join(','));
	if (q.status.join(',') !== DEFAULT_QUERY.status.join(',')) p.set('status', q.status.join(','));
	if (q.vacantMin != null) p.set('vacantMin', String(q.vacantMin));
	if (q.rentMax != null) p.set('rentMax', String(q.rentMax));
	if (q.buildingKind.length) p.set('buildingKind', q.buildingKind.join(','));
	if (q.near) p.set('near', q.near);
	if (q.near && q.withinKm != null) p.set('withinKm', String(q.withinKm));
	if (q.bbox) p.set('bbox', q.bbox.map(round6).join(','));
	if (q.polygon) p.set('polygon', q.polygon.map(([x, y]) => `${round6(x)} ${round6(y)}`).join(';'));
	if (q.circle) p.set('circle', `${round6(q.circle.lon)},${round6(q.circle.lat)},${q.circle.radiusKm}`);
	if (q.includeStale) p.set('stale', '1');
	if (q.page !== 1) p.set('page', String(q.page));
	if (q.pageSize !== DEFAULT_PAGE_SIZE) p.set('pageSize', String(q.pageSize));
	return p;
}

/** The plot-area bounds of a query in m². */
export function areaBoundsM2(q: FinderQuery): { min?: number; max?: number } {
	return {
		min: q.areaMin !== undefined ? toM2(q.areaMin, q.areaUnit) : undefined,
		max: q.areaMax !== undefined ? toM2(q.areaMax, q.areaUnit) : undefined
	};
}

/** Whether a query asks for anything beyond the defaults (used to decide whether to save it as a requirement). */
export function isDefaultQuery(q: FinderQuery): boolean {
	return finderParams({ ...q, page: 1, pageSize: DEFAULT_PAGE_SIZE }).toString() === '';
}
