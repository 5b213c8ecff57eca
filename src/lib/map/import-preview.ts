/**
 * The dry run's preview map, as plain functions over the map: the features as they would be
 * stored (violet, apart from the basemap's plot colours), the zone's existing plots from the tiles (grey), and every problem with a
 * place in red; flying to a problem when it is picked from the list.
 */
import type { Map as MapLibreMap, GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import { bbox } from '@turf/turf';
import type { ImportProblem } from '$lib/domain/import/report';

export function addImportLayers(map: MapLibreMap, origin: string) {
	map.addSource('existing-plots', { type: 'vector', tiles: [`${origin}/tiles/plots/{z}/{x}/{y}.mvt`], minzoom: 10, maxzoom: 16 });
	map.addLayer({ id: 'existing-plots', type: 'line', source: 'existing-plots', 'source-layer': 'plots', paint: { 'line-color': '#6b7280', 'line-width': 1 } });
	map.addSource('import-features', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
	map.addLayer({
		id: 'import-fill',
		type: 'fill',
		source: 'import-features',
		paint: { 'fill-color': '#2563eb', 'fill-opacity': 0.25 },
		filter: ['==', ['geometry-type'], 'Polygon']
	});
	map.addLayer({ id: 'import-line', type: 'line', source: 'import-features', paint: { 'line-color': '#1d4ed8', 'line-width': 1.5 } });
	map.addLayer({
		id: 'import-point',
		type: 'circle',
		source: 'import-features',
		paint: { 'circle-color': '#5b21b6', 'circle-radius': 5 },
		filter: ['==', ['geometry-type'], 'Point']
	});
	map.addSource('import-problems', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
	map.addLayer({
		id: 'problem-fill',
		type: 'fill',
		source: 'import-problems',
		paint: { 'fill-color': '#dc2626', 'fill-opacity': 0.55 },
		filter: ['==', ['geometry-type'], 'Polygon']
	});
	map.addLayer({ id: 'problem-line', type: 'line', source: 'import-problems', paint: { 'line-color': '#dc2626', 'line-width': 3 } });
	map.addLayer({
		id: 'problem-point',
		type: 'circle',
		source: 'import-problems',
		paint: { 'circle-color': '#dc2626', 'circle-radius': 7, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
		filter: ['==', ['geometry-type'], 'Point']
	});
}

export function showImport(map: MapLibreMap, preview: FeatureCollection, problems: ImportProblem[], bounds: [number, number, number, number] | null) {
	(map.getSource('import-features') as GeoJSONSource | undefined)?.setData(preview);
	const placed = problems
		.filter((p) => p.location)
		.map((p) => ({ type: 'Feature' as const, properties: { index: p.index, key: p.key }, geometry: p.location as Geometry }));
	(map.getSource('import-problems') as GeoJSONSource | undefined)?.setData({ type: 'FeatureCollection', features: placed });
	if (bounds) map.fitBounds([bounds[0], bounds[1], bounds[2], bounds[3]], { padding: 40, duration: 0, maxZoom: 17 });
}

/** Flies to a problem's place (its whole extent when it is an area). */
export function flyToProblem(map: MapLibreMap, location: Geometry) {
	const b = bbox(location);
	if (b[0] === b[2] && b[1] === b[3]) map.flyTo({ center: [b[0], b[1]], zoom: Math.max(map.getZoom(), 17) });
	else map.fitBounds([b[0], b[1], b[2], b[3]], { padding: 80, maxZoom: 18 });
}
