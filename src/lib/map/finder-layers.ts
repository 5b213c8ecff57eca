/** Map helpers for the finder: id filters for highlights, the matches' outlines and the area of interest as GeoJSON. */
import { circle as turfCircle, centroid, distance } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { MATCHES_BEFORE, MATCHES_MIN_ZOOM, MATCHES_SOURCE, TILE_SOURCE, matchLayers } from './layers';

/** A filter matching features whose id is in the list (matches nothing for an empty list). */
export function idFilter(ids: number[]): unknown[] {
	return ['in', ['id'], ['literal', ids]];
}

export interface Area {
	polygon?: [number, number][];
	circle?: { lon: number; lat: number; radiusKm: number };
}

/** The finder's area of interest as a GeoJSON collection (empty when none is set). */
export function aoiFeature(a: Area): FeatureCollection {
	const features: Feature[] = [];
	if (a.polygon && a.polygon.length >= 3) {
		const ring = [...a.polygon, a.polygon[0]];
		features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } });
	}
	if (a.circle) features.push(turfCircle([a.circle.lon, a.circle.lat], a.circle.radiusKm, { units: 'kilometers', steps: 64 }));
	return { type: 'FeatureCollection', features };
}

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** A drawn shape as the finder's area: a polygon ring, or a circle (centre and radius) for circle mode. */
export function drawnArea(geometry: Polygon, isCircle: boolean): Area {
	const ring = geometry.coordinates[0].slice(0, -1).map(([x, y]) => [r6(x), r6(y)] as [number, number]);
	if (!isCircle) return { polygon: ring };
	const c = centroid(geometry).geometry.coordinates;
	const radiusKm = distance(c, geometry.coordinates[0][0], { units: 'kilometers' });
	return { circle: { lon: r6(c[0]), lat: r6(c[1]), radiusKm: Math.round(radiusKm * 1000) / 1000 } };
}

/**
 * Shows the matches of a search (its finder parameters) as outlines from the matches tiles,
 * in the datum of the map's own tiles; `null` takes them away.
 */
export function showMatches(map: MatchMap, search: string | null): void {
	for (const l of matchLayers()) if (map.getLayer(l.id)) map.removeLayer(l.id);
	if (map.getSource(MATCHES_SOURCE)) map.removeSource(MATCHES_SOURCE);
	if (search === null) return;
	const own = (map.getSource(TILE_SOURCE) as { tiles?: string[] } | undefined)?.tiles?.[0];
	if (!own) return;
	const url = own.replace('/tiles/all/', '/tiles/matches/');
	map.addSource(MATCHES_SOURCE, {
		type: 'vector',
		tiles: [`${url}${url.includes('?') ? '&' : '?'}${search}`],
		minzoom: MATCHES_MIN_ZOOM,
		maxzoom: 16
	});
	const before = map.getLayer(MATCHES_BEFORE) ? MATCHES_BEFORE : undefined;
	for (const l of matchLayers()) map.addLayer(l, before);
}

type MatchMap = Pick<MapLibreMap, 'getLayer' | 'removeLayer' | 'getSource' | 'removeSource' | 'addSource' | 'addLayer'>;
