/** The columns a table format adds for a geometry: a point on the record (longitude, latitude) and its WKT. */
import type { Geometry } from 'geojson';
import { pointOnFeature } from '@turf/turf';
import wkx from 'wkx';

/** A point that lies on the geometry (inside a polygon, on a line), for lon/lat columns. */
export function pointOf(g: Geometry | null): [number, number] | null {
	if (!g) return null;
	if (g.type === 'Point') return [g.coordinates[0], g.coordinates[1]];
	const p = pointOnFeature(g).geometry.coordinates;
	return [p[0], p[1]];
}

/** Well-known text of the geometry, every coordinate as stored (full precision). */
export const wktOf = (g: Geometry | null): string => (g ? wkx.Geometry.parseGeoJSON(g).toWkt() : '');

/** Well-known binary (little-endian), as GeoPackage stores it. */
export const wkbOf = (g: Geometry): Buffer => wkx.Geometry.parseGeoJSON(g).toWkb();
