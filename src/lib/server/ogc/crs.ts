/**
 * OGC API – Features Part 2: the coordinate systems the API answers in and reads boxes in.
 *
 * CRS84 (lon/lat) is the default. EPSG:4326 and EPSG:4490 (CGCS2000) are the same positions
 * in their authority's axis order, latitude first; EPSG:3857 is easting/northing; the zone's
 * CGCS2000 3° Gauss–Krüger zone (EPSG:4513–4533, the zone number in the easting) and its
 * twin without the prefix (EPSG:4534–4554) are northing first, as Chinese surveying writes
 * X and Y. Positions are stored in EPSG:4326 (CGCS2000 taken as equal to it at this scale,
 * as everywhere in SiteAtlas) and converted by proj4 on the way out.
 */
import proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { gk3Plain, gk3Prefixed } from '../../geo/gauss-kruger';
import { crsFromEpsg } from '../import/crs';

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const epsgUri = (code: number) => `http://www.opengis.net/def/crs/EPSG/0/${code}`;

export interface OutputCrs {
	uri: string;
	/** EPSG code, or null for CRS84. */
	code: number | null;
	/** Coordinates written latitude/northing first. */
	swapped: boolean;
	geographic: boolean;
	/** lon/lat → x/y of the CRS in its traditional (easting-first) order; null for degrees. */
	forward: ((p: [number, number]) => [number, number]) | null;
	inverse: ((p: [number, number]) => [number, number]) | null;
}

function make(code: number | null): OutputCrs {
	if (code === null) return { uri: CRS84, code: null, swapped: false, geographic: true, forward: null, inverse: null };
	const geographic = code === 4326 || code === 4490;
	if (geographic) return { uri: epsgUri(code), code, swapped: true, geographic, forward: null, inverse: null };
	const def = crsFromEpsg(code);
	if (!def) throw new Error(`EPSG:${code} is not in the index`);
	const conv = proj4('EPSG:4326', def.proj4);
	return {
		uri: epsgUri(code),
		code,
		swapped: code !== 3857,
		geographic: false,
		forward: (p) => conv.forward(p) as [number, number],
		inverse: (p) => conv.inverse(p) as [number, number]
	};
}

const made = new Map<number | null, OutputCrs>();
const crsOf = (code: number | null) => {
	if (!made.has(code)) made.set(code, make(code));
	return made.get(code)!;
};

/** The zone's CGCS2000 3° Gauss–Krüger codes, from the longitude of the parks' centre (null when there are no parks). */
export function zoneGk(centreLon: number | null): number[] {
	if (centreLon === null || !Number.isFinite(centreLon)) return [];
	const zone = Math.min(45, Math.max(25, Math.round(centreLon / 3)));
	return [gk3Prefixed(zone), gk3Plain(zone * 3)];
}

/** The longitude of the middle of the published parks, which decides the zone's Gauss–Krüger zone. */
export async function zoneCentreLon(db: Database): Promise<number | null> {
	const [r] = await db.rows<{ lon: number | null }>(sql`
		select (ST_XMin(e) + ST_XMax(e)) / 2 as lon from (select ST_Extent(boundary)::geometry as e from parks where published) q`);
	return r?.lon === null || r?.lon === undefined ? null : Number(r.lon);
}

/** Every CRS the API offers, CRS84 first. */
export function supportedCrs(centreLon: number | null): OutputCrs[] {
	return [null, 4326, 4490, 3857, ...zoneGk(centreLon)].map(crsOf);
}

/** A `crs` / `bbox-crs` value (the URI, or the `EPSG:n` / `[EPSG:n]` shorthand) among the offered ones; null when not offered. */
export function pickCrs(value: string, offered: OutputCrs[]): OutputCrs | null {
	const v = value.trim().replace(/^\[(.*)\]$/, '$1');
	if (/^(http:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84|OGC:CRS84|CRS84)$/i.test(v)) return offered[0];
	const m = /^(?:http:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/|EPSG:)(\d{4,5})$/i.exec(v);
	return m ? (offered.find((c) => c.code === Number(m[1])) ?? null) : null;
}

/** A position in lon/lat → the CRS's coordinates in its axis order (millimetres for metres, nine decimals for degrees). */
function outPosition(crs: OutputCrs, p: Position): Position {
	let xy: [number, number] = [p[0], p[1]];
	if (crs.forward) xy = crs.forward(xy);
	const r = crs.geographic ? 1e9 : 1e3;
	const [a, b] = crs.swapped ? [xy[1], xy[0]] : xy;
	return [Math.round(a * r) / r, Math.round(b * r) / r];
}

/** A GeoJSON geometry (lon/lat) written in the CRS; the same object for CRS84. */
export function toCrs(g: Geometry, crs: OutputCrs): Geometry {
	if (crs.code === null) return g;
	const walk = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? outPosition(crs, c as Position) : (c as unknown[]).map(walk));
	if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map((x) => toCrs(x, crs)) };
	return { ...g, coordinates: walk(g.coordinates) } as Geometry;
}

/**
 * A box given in the CRS (its axis order) as a lon/lat polygon for the query: a projected
 * rectangle's edges are curves in degrees, so each edge is walked in 32 steps.
 */
export function boxFilter(box: [number, number, number, number], crs: OutputCrs): SQL {
	const [a1, b1, a2, b2] = box;
	const [x1, y1, x2, y2] = crs.swapped ? [b1, a1, b2, a2] : [a1, b1, a2, b2];
	if (!crs.inverse) return sql`ST_MakeEnvelope(${x1}, ${y1}, ${x2}, ${y2}, 4326)`;
	const ring: [number, number][] = [];
	const edge = (from: [number, number], to: [number, number]) => {
		for (let i = 0; i < 32; i++) ring.push(crs.inverse!([from[0] + ((to[0] - from[0]) * i) / 32, from[1] + ((to[1] - from[1]) * i) / 32]));
	};
	edge([x1, y1], [x2, y1]);
	edge([x2, y1], [x2, y2]);
	edge([x2, y2], [x1, y2]);
	edge([x1, y2], [x1, y1]);
	ring.push(ring[0]);
	return sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'Polygon', coordinates: [ring] })}), 4326)`;
}
