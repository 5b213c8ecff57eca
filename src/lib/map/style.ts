/**
 * The map style. By default an offline basemap (sea, land, districts, water) drawn
 * from GeoJSON the portal serves itself, with SiteAtlas's vector tiles on top.
 * A deployment can set its own basemap style URL; our layers are then added over it.
 */
import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { dataLayers } from './layers';

export const TILE_LAYERS = ['parks', 'plots', 'buildings', 'facilities', 'roads'] as const;

/** Zoom bounds of each tile source; MapLibre over-zooms beyond maxzoom. */
const SOURCE_ZOOMS: Record<(typeof TILE_LAYERS)[number], [number, number]> = {
	parks: [5, 16],
	plots: [10, 16],
	buildings: [12, 16],
	facilities: [5, 16],
	roads: [8, 16]
};

export const SEA_COLOR = '#cfe3ef';
export const LAND_COLOR = '#f4f1ea';

export function tileSources(origin: string): Record<string, SourceSpecification> {
	const sources: Record<string, SourceSpecification> = {};
	for (const layer of TILE_LAYERS) {
		const [minzoom, maxzoom] = SOURCE_ZOOMS[layer];
		sources[layer] = {
			type: 'vector',
			tiles: [`${origin}/tiles/${layer}/{z}/{x}/{y}.mvt`],
			minzoom,
			maxzoom,
			attribution: layer === 'parks' ? 'SiteAtlas' : undefined
		};
	}
	return sources;
}

export function offlineStyle(origin: string, attribution: string): StyleSpecification {
	return {
		version: 8,
		name: 'SiteAtlas offline',
		sources: {
			land: { type: 'geojson', data: `${origin}/basemap/land.geojson`, attribution },
			districts: { type: 'geojson', data: `${origin}/basemap/districts.geojson` },
			water: { type: 'geojson', data: `${origin}/basemap/water.geojson` },
			...tileSources(origin)
		},
		layers: [
			{ id: 'sea', type: 'background', paint: { 'background-color': SEA_COLOR } },
			{ id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': LAND_COLOR } },
			{ id: 'districts-fill', type: 'fill', source: 'districts', paint: { 'fill-color': '#efe9dc', 'fill-opacity': 0.6 } },
			{ id: 'water', type: 'fill', source: 'water', paint: { 'fill-color': '#9ec9e2' } },
			{
				id: 'districts-outline',
				type: 'line',
				source: 'districts',
				paint: { 'line-color': '#9a8f7a', 'line-width': 1.2, 'line-dasharray': [4, 2] }
			},
			...dataLayers()
		]
	};
}

/** Adds SiteAtlas's sources and layers to someone else's basemap style. */
export function overlayOnStyle(base: StyleSpecification, origin: string): StyleSpecification {
	return {
		...base,
		sources: { ...base.sources, ...tileSources(origin) },
		layers: [...base.layers, ...dataLayers()]
	};
}
