/**
 * Data for the public site pages (plot, building, park) beyond the key facts:
 * nearby facilities, the location sketch, units to let, a park's sites.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Geometry } from 'geojson';
import type { Database } from '../db/client';
import { sketch, type Sketch, type SketchFeature } from '../../geo/sketch';
import { degreesSpanning } from '../../geo/degrees';

import type { NearbyFacility } from '../../domain/site-details';
export type { NearbyFacility };

type SiteTable = 'plots' | 'buildings' | 'parks';
const GEOM: Record<SiteTable, string> = { plots: 'boundary', buildings: 'footprint', parks: 'boundary' };

/** The nearest published facility of each kind, by distance on the geography. */
export async function nearbyFacilities(db: Database, table: SiteTable, code: string): Promise<NearbyFacility[]> {
	const geom = sql.raw(`s.${GEOM[table]}`);
	const rows = await db.rows<{ kind: string; code: string; name_zh: string; name_en: string; m: number }>(sql`
		select distinct on (f.kind) f.kind, f.code, f.name_zh, f.name_en,
			ST_Distance(f.location::geography, ${geom}::geography) as m
		from ${sql.identifier(table)} s, facilities f
		where s.code = ${code} and f.published
		order by f.kind, ST_Distance(f.location::geography, ${geom}::geography)`);
	return rows
		.map((r) => ({ kind: r.kind, code: r.code, nameZh: r.name_zh, nameEn: r.name_en, distanceKm: Math.round(Number(r.m) / 100) / 10 }))
		.sort((a, b) => a.distanceKm - b.distanceKm);
}

/** The sketch is this many units across (lib/geo/sketch); shapes are simplified to half a unit. */
const SKETCH_SIZE = 400;

/**
 * A location sketch: the site, its published neighbours and roads within a few hundred metres.
 * Every shape is clipped to the sketch's box and simplified to half a sketch unit, so a large,
 * finely surveyed park stays a few kilobytes on the page; holes and multi-part plots are kept.
 */
export async function siteSketch(db: Database, table: SiteTable, code: string): Promise<Sketch | null> {
	const geom = sql.raw(`s.${GEOM[table]}`);
	const [focus] = await db.rows<{ lon: number; lat: number; half: number }>(sql`
		select ST_X(ST_Centroid(${geom})) as lon, ST_Y(ST_Centroid(${geom})) as lat,
			greatest(250, 0.8 * sqrt(ST_Area(ST_Envelope(${geom})::geography))) as half
		from ${sql.identifier(table)} s where s.code = ${code}`);
	if (!focus) return null;
	const [lon, lat] = [Number(focus.lon), Number(focus.lat)];
	const half = Number(focus.half) * (table === 'parks' ? 0.75 : 1);
	// The square's corners are √2 × half away; a little more so that edges are not cut inside the view.
	const { dLat, dLon } = degreesSpanning(half * 1.5, lat);
	const box = sql`ST_MakeEnvelope(${lon - dLon}, ${lat - dLat}, ${lon + dLon}, ${lat + dLat}, 4326)`;
	const tolerance = (half * 2) / SKETCH_SIZE / 2 / 110_574;
	const shape = (g: SQL) => sql`ST_AsGeoJSON(ST_Simplify(ST_ClipByBox2D(${g}, ${box}), ${tolerance}::float8), 6)`;
	const rows = await db.rows<{ role: SketchFeature['role']; g: string; tag: string | null }>(sql`
		select 'plot' as role, ${shape(sql`boundary`)} as g, supply_status as tag from plots where published and boundary && ${box}
		union all
		select 'building', ${shape(sql`footprint`)}, kind from buildings where published and footprint && ${box}
		union all
		select 'road', ${shape(sql`geom`)}, road_class from roads where geom && ${box}
		union all
		select 'focus', ${shape(geom)}, null from ${sql.identifier(table)} s where s.code = ${code}`);
	const parsed = rows.map((r) => ({ role: r.role, geometry: JSON.parse(r.g) as Geometry, tag: r.tag ?? undefined }));
	// Roads under the sites, the site's own outline on top.
	const features: SketchFeature[] = [
		...parsed.filter((r) => r.role === 'road'),
		...parsed.filter((r) => r.role === 'plot' || r.role === 'building'),
		...parsed.filter((r) => r.role === 'focus')
	];
	return sketch(features, [lon, lat], half, SKETCH_SIZE);
}

export interface UnitRow {
	floor: number;
	unitNo: string;
	areaM2: number;
	status: 'vacant' | 'reserved';
}

/** Units of a published building that are vacant or reserved, by floor. No tenant data. */
export async function unitsToLet(db: Database, buildingCode: string): Promise<UnitRow[]> {
	const rows = await db.rows<{ floor: number; unit_no: string; area_m2: number; status: 'vacant' | 'reserved' }>(sql`
		select u.floor, u.unit_no, u.area_m2, u.status from units u join buildings b on b.id = u.building_id
		where b.code = ${buildingCode} and b.published and u.status in ('vacant', 'reserved')
		order by u.floor, u.unit_no`);
	return rows.map((r) => ({ floor: Number(r.floor), unitNo: r.unit_no, areaM2: Number(r.area_m2), status: r.status }));
}

export interface ParkSite {
	kind: 'plot' | 'building';
	code: string;
	nameZh: string;
	nameEn: string;
	areaM2: number;
	status: string;
}

/** A park's available plots and its buildings with vacant space. */
export async function parkSites(db: Database, parkCode: string): Promise<ParkSite[]> {
	const rows = await db.rows<{ kind: 'plot' | 'building'; code: string; name_zh: string; name_en: string; area: number; status: string }>(sql`
		select 'plot' as kind, p.code, p.code as name_zh, p.code as name_en, p.area_m2 as area, p.supply_status as status
		from plots p join parks pk on pk.id = p.park_id
		where pk.code = ${parkCode} and p.published and p.supply_status = 'available'
		union all
		select 'building', b.code, b.name_zh, b.name_en, o.vacant_m2, b.kind
		from buildings b join parks pk on pk.id = b.park_id
			cross join lateral building_occupancy(b.id, b.leasable_area_m2, b.leased_area_m2) o
		where pk.code = ${parkCode} and b.published
		order by 1 desc, 5 desc`);
	return rows.map((r) => ({ kind: r.kind, code: r.code, nameZh: r.name_zh, nameEn: r.name_en, areaM2: Number(r.area), status: r.status }));
}
