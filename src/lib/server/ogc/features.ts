/**
 * Items of an OGC API – Features collection: parameters checked (400 with a message for what
 * cannot be read), the rows filtered by bbox and queryables in SQL, paged by `limit` and
 * `offset` in a stable order (by code), counted (`numberMatched`), and written as GeoJSON with
 * the links a client follows: self, alternate, collection, next (while a page is full), prev.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { collectionById, type Collection } from './collections';
import { boxFilter, pickCrs, toCrs, type OutputCrs } from './crs';
import type { Geometry } from 'geojson';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export class OgcError extends Error {
	constructor(
		readonly status: 400 | 404,
		readonly code: 'InvalidParameterValue' | 'NotFound',
		message: string
	) {
		super(message);
	}
}

export interface ItemsRequest {
	limit: number;
	offset: number;
	bbox: [number, number, number, number] | null;
	/** The CRS the box is given in (`bbox-crs`, CRS84 by default). */
	bboxCrs: OutputCrs;
	/** The CRS the features are written in (`crs`, CRS84 by default). */
	crs: OutputCrs;
	filters: { name: string; value: string | number }[];
}

/** The `crs` (or `bbox-crs`) of a request among the offered ones: CRS84 when absent, 400 when not offered. */
export function crsParam(params: URLSearchParams, name: 'crs' | 'bbox-crs', offered: OutputCrs[]): OutputCrs {
	const raw = params.get(name);
	if (raw === null || raw === '') return offered[0];
	const crs = pickCrs(raw, offered);
	if (!crs) throw new OgcError(400, 'InvalidParameterValue', `${name} must be one of: ${offered.map((o) => o.uri).join(', ')}.`);
	return crs;
}

/** Reads `limit`, `offset`, `bbox`, `bbox-crs`, `crs` and the collection's queryables from the address; anything else is refused. */
export function parseItemsRequest(c: Collection, params: URLSearchParams, offered: OutputCrs[]): ItemsRequest {
	const known = new Set(['limit', 'offset', 'bbox', 'bbox-crs', 'crs', 'f', 'lang', ...c.queryables.map((q) => q.name)]);
	for (const k of params.keys()) if (!known.has(k)) throw new OgcError(400, 'InvalidParameterValue', `Unknown parameter "${k}" for ${c.id}; see /ogc/api.`);
	const int = (name: string, min: number, max: number, fallback: number) => {
		const raw = params.get(name);
		if (raw === null || raw === '') return fallback;
		const n = Number(raw);
		if (!Number.isInteger(n) || n < min || n > max) throw new OgcError(400, 'InvalidParameterValue', `${name} must be a whole number from ${min} to ${max}.`);
		return n;
	};
	const limit = int('limit', 1, MAX_LIMIT, DEFAULT_LIMIT);
	const offset = int('offset', 0, 10_000_000, 0);
	const crs = crsParam(params, 'crs', offered);
	const bboxCrs = crsParam(params, 'bbox-crs', offered);
	let bbox: ItemsRequest['bbox'] = null;
	const b = params.get('bbox');
	if (b) {
		const v = b.split(',').map(Number);
		const lat = bboxCrs.geographic ? (bboxCrs.swapped ? [v[0], v[2]] : [v[1], v[3]]) : [0, 0];
		if (v.length !== 4 || !v.every(Number.isFinite) || v[0] > v[2] || v[1] > v[3] || lat[0] < -90 || lat[1] > 90)
			throw new OgcError(
				400,
				'InvalidParameterValue',
				bboxCrs.code === null
					? 'bbox must be "minLon,minLat,maxLon,maxLat" in degrees (CRS84).'
					: `bbox must be four numbers, lower corner then upper corner, in the axis order of ${bboxCrs.uri}.`
			);
		bbox = v as ItemsRequest['bbox'];
	}
	const filters: ItemsRequest['filters'] = [];
	for (const q of c.queryables) {
		const raw = params.get(q.name);
		if (raw === null || raw === '') continue;
		if (q.type === 'number') {
			const n = Number(raw);
			if (!Number.isFinite(n)) throw new OgcError(400, 'InvalidParameterValue', `${q.name} must be a number.`);
			filters.push({ name: q.name, value: n });
		} else {
			if (raw.length > 64) throw new OgcError(400, 'InvalidParameterValue', `${q.name} is too long.`);
			if (q.enum && !q.enum.includes(raw)) throw new OgcError(400, 'InvalidParameterValue', `${q.name} must be one of: ${q.enum.join(', ')}.`);
			filters.push({ name: q.name, value: raw });
		}
	}
	return { limit, offset, bbox, bboxCrs, crs, filters };
}

function whereOf(c: Collection, r: Pick<ItemsRequest, 'bbox' | 'bboxCrs' | 'filters'>): SQL {
	const parts: SQL[] = [sql`true`];
	if (r.bbox) {
		const box = boxFilter(r.bbox, r.bboxCrs);
		parts.push(sql`s.geom && ${box}`, sql`ST_Intersects(s.geom, ${box})`);
	}
	for (const f of r.filters) parts.push(c.queryables.find((q) => q.name === f.name)!.where(f.value));
	return sql.join(parts, sql` and `);
}

interface Feature {
	type: 'Feature';
	id: string;
	geometry: unknown;
	properties: Record<string, unknown>;
}

function featureOf(c: Collection, r: Record<string, unknown>, crs: OutputCrs | null): Feature {
	const properties: Record<string, unknown> = {};
	for (const f of c.fields) {
		const v = r[f.name === 'code' ? 'f_code' : f.name];
		properties[f.name] = v === undefined ? null : f.type === 'number' && v !== null ? Number(v) : v;
	}
	const geometry = JSON.parse(String(r.geojson)) as Geometry;
	return { type: 'Feature', id: String(r.code), geometry: crs ? toCrs(geometry, crs) : geometry, properties };
}

/** Features as GeoJSON, in full precision (nine decimals of a degree: well under a millimetre). */
const COLUMNS = sql`s.*, ST_AsGeoJSON(s.geom, 9) as geojson`;

export async function items(db: Database, collectionId: string, r: ItemsRequest) {
	const c = collectionById(collectionId);
	if (!c) throw new OgcError(404, 'NotFound', `No collection "${collectionId}".`);
	const where = whereOf(c, r);
	const [{ n }] = await db.rows<{ n: number }>(sql`select count(*)::int as n from (${c.source}) s where ${where}`);
	const rows = await db.rows<Record<string, unknown>>(
		sql`select ${COLUMNS} from (${c.source}) s where ${where} order by s.code limit ${r.limit} offset ${r.offset}`
	);
	return { collection: c, numberMatched: Number(n), features: rows.map((row) => featureOf(c, row, r.crs)) };
}

export async function item(db: Database, collectionId: string, code: string, crs: OutputCrs | null = null) {
	const c = collectionById(collectionId);
	if (!c) throw new OgcError(404, 'NotFound', `No collection "${collectionId}".`);
	const [row] = await db.rows<Record<string, unknown>>(sql`select ${COLUMNS} from (${c.source}) s where s.code = ${code}`);
	if (!row) throw new OgcError(404, 'NotFound', `No feature "${code}" in ${c.id}.`);
	return { collection: c, feature: featureOf(c, row, crs) };
}

/** The collection's extent: the bounding box of what it serves (null when empty). */
export async function extentOf(db: Database, c: Collection): Promise<[number, number, number, number] | null> {
	const [r] = await db.rows<{ w: number | null; s: number; e: number; n: number }>(sql`
		select ST_XMin(x) as w, ST_YMin(x) as s, ST_XMax(x) as e, ST_YMax(x) as n from (select ST_Extent(s.geom)::geometry as x from (${c.source}) s) q`);
	return r && r.w !== null ? [Number(r.w), Number(r.s), Number(r.e), Number(r.n)] : null;
}
