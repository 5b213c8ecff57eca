/** SQL pieces for metric searches on EPSG:4326 geometry, right at any latitude (see lib/geo/degrees). */
import { sql, type SQL } from 'drizzle-orm';

/**
 * `geom`'s bounding box grown by `metres` on the ground, for `&&` index prefilters: the
 * latitude margin from the shortest degree of latitude, the longitude margin at the box's
 * latitude furthest from the equator (capped at 89°). Follow it with ST_DWithin on the geography.
 */
export function expandMetres(geom: SQL, metres: number | SQL): SQL {
	const dLat = sql`(${metres}::float8 / 110574 * 1.01)`;
	const far = sql`least(89, greatest(abs(ST_YMin(${geom})), abs(ST_YMax(${geom}))) + ${dLat})`;
	const dLon = sql`least(360, ${metres}::float8 / (111320 * cos(radians(${far}))) * 1.01)`;
	return sql`ST_Expand(${geom}, ${dLon}, ${dLat})`;
}
