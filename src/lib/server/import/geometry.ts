/**
 * A feature's geometry made ready to store: reprojected to longitude/latitude, flattened to
 * 2-D, of the kind the layer needs (areas: Polygon/MultiPolygon, roads: lines, facilities:
 * points) and within the vertex cap — or the reason it cannot be, per feature.
 */
import type { Geometry, LineString, MultiLineString, MultiPolygon, Point, Position } from 'geojson';
import { checkPolygonal } from '../../geo/geometry-schema';
import type { TargetGeometry } from '../../domain/import/targets';
import type { MessageKey } from '../../i18n/messages';
import type { Transform } from './crs';

export type Stored = MultiPolygon | MultiLineString | Point;
export type GeometryResult = { geometry: Stored } | { problem: MessageKey; params?: Record<string, string | number> };

const ACCEPTS: Record<Exclude<TargetGeometry, null>, string[]> = {
	polygon: ['Polygon', 'MultiPolygon'],
	line: ['LineString', 'MultiLineString'],
	point: ['Point', 'MultiPoint']
};

class Unconvertible extends Error {}

function isEmpty(g: Geometry): boolean {
	if (g.type === 'GeometryCollection') return g.geometries.length === 0;
	const c = (g as { coordinates?: unknown }).coordinates;
	return !Array.isArray(c) || c.length === 0;
}

/** Every x/y of the file's geometry (any nesting), for bounds before the CRS is known. */
export function eachPosition(g: Geometry | null, fn: (x: number, y: number) => void): void {
	if (!g) return;
	if (g.type === 'GeometryCollection') return g.geometries.forEach((c) => eachPosition(c, fn));
	const walk = (c: unknown, depth: number) => {
		if (!Array.isArray(c) || depth > 4) return;
		if (typeof c[0] === 'number') fn(c[0], c[1] as number);
		else for (const x of c) walk(x, depth + 1);
	};
	walk((g as { coordinates?: unknown }).coordinates, 0);
}

function collected(parts: Geometry[]): Geometry | null {
	if (parts.length && parts.every((p) => p.type === 'Polygon' || p.type === 'MultiPolygon')) {
		return { type: 'MultiPolygon', coordinates: parts.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : (p as MultiPolygon).coordinates)) };
	}
	if (parts.length && parts.every((p) => p.type === 'LineString' || p.type === 'MultiLineString')) {
		return { type: 'MultiLineString', coordinates: parts.flatMap((p) => (p.type === 'LineString' ? [p.coordinates] : (p as MultiLineString).coordinates)) };
	}
	return null;
}

export function toStored(g: Geometry | null, target: Exclude<TargetGeometry, null>, t: Transform, maxVertices: number): GeometryResult {
	if (!g) return { problem: 'import.geometry_missing' };
	if (isEmpty(g)) return { problem: 'import.geometry_empty' };
	// KML writes a MultiPolygon as a MultiGeometry of polygons: a collection of one kind is that kind's multi.
	if (g.type === 'GeometryCollection') g = collected(g.geometries) ?? g;
	if (!ACCEPTS[target].includes(g.type)) return { problem: 'import.geometry_type', params: { type: g.type } };
	let vertices = 0;
	const pos = (p: Position): Position => {
		if (!Array.isArray(p) || typeof p[0] !== 'number' || typeof p[1] !== 'number') throw new Unconvertible();
		if (++vertices > maxVertices) throw new RangeError();
		const ll = t.toLonLat(p[0], p[1]);
		if (!ll) throw new Unconvertible();
		return ll;
	};
	try {
		if (target === 'polygon') {
			const polys = g.type === 'Polygon' ? [g.coordinates] : (g as MultiPolygon).coordinates;
			const converted: MultiPolygon = { type: 'MultiPolygon', coordinates: polys.map((rings) => rings.map((r) => r.map(pos))) };
			const checked = checkPolygonal(converted, maxVertices);
			if ('issue' in checked) return { problem: checked.issue.key };
			return { geometry: converted };
		}
		if (target === 'line') {
			const lines = g.type === 'LineString' ? [(g as LineString).coordinates] : (g as MultiLineString).coordinates;
			const converted = lines.map((l) => l.map(pos));
			if (converted.some((l) => l.length < 2)) return { problem: 'import.line_too_short' };
			return { geometry: { type: 'MultiLineString', coordinates: converted } };
		}
		const points = g.type === 'Point' ? [(g as Point).coordinates] : (g as { coordinates: Position[] }).coordinates;
		if (points.length !== 1) return { problem: 'import.geometry_type', params: { type: g.type } };
		return { geometry: { type: 'Point', coordinates: pos(points[0]) } };
	} catch (e) {
		if (e instanceof RangeError) return { problem: 'geometry.too_many_vertices' };
		if (e instanceof Unconvertible) return { problem: 'import.geometry_transform' };
		return { problem: 'geometry.bad_nesting' };
	}
}
