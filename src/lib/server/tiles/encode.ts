/**
 * Encodes tile rows (geometry already in integer tile coordinates) as a Mapbox
 * Vector Tile with @maplibre/vt-pbf — the embedded database's path, and a
 * fallback on any server.
 */
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Geometry, Position } from 'geojson';
import { TILE_EXTENT } from './layers';

export interface TileRow {
	id: number;
	props: Record<string, string | number | boolean>;
	/** GeoJSON geometry in tile coordinates. */
	geometry: Geometry;
}

type VtFeature =
	| { id: number; type: 1; tags: TileRow['props']; geometry: [number, number][] }
	| { id: number; type: 2 | 3; tags: TileRow['props']; geometry: [number, number][][] };

const xy = (p: Position): [number, number] => [p[0], p[1]];

/** GeoJSON geometry → the geojson-vt feature shape vt-pbf writes (rings of a multipolygon in order). */
export function toVtFeature(row: TileRow): VtFeature | null {
	const g = row.geometry;
	const base = { id: row.id, tags: row.props };
	switch (g.type) {
		case 'Point':
			return { ...base, type: 1, geometry: [xy(g.coordinates)] };
		case 'MultiPoint':
			return { ...base, type: 1, geometry: g.coordinates.map(xy) };
		case 'LineString':
			return { ...base, type: 2, geometry: [g.coordinates.map(xy)] };
		case 'MultiLineString':
			return { ...base, type: 2, geometry: g.coordinates.map((l) => l.map(xy)) };
		case 'Polygon':
			return { ...base, type: 3, geometry: g.coordinates.map((r) => r.map(xy)) };
		case 'MultiPolygon':
			return { ...base, type: 3, geometry: g.coordinates.flatMap((poly) => poly.map((r) => r.map(xy))) };
		default:
			return null;
	}
}

export function encodeTile(layerName: string, rows: readonly TileRow[]): Uint8Array {
	if (rows.length === 0) return new Uint8Array(0);
	const features = rows.map(toVtFeature).filter((f): f is VtFeature => f !== null);
	return fromGeojsonVt({ [layerName]: { features } as never }, { version: 2, extent: TILE_EXTENT });
}
