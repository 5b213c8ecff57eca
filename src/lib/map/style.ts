/**
 * The map style. By default an offline basemap (sea, land, districts, water) drawn
 * from GeoJSON the portal serves itself, with SiteAtlas's vector tiles on top.
 * A deployment can set its own basemap style URL; our layers are then added over it.
 */
import type { SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { dataLayers, TILE_SOURCE } from './layers';
import { tiandituLayers, tiandituTileUrls, type Datum } from '../domain/basemap';
import { tileDatumQuery } from './datum';

/** The layers a tile holds: the five record layers, and the plots counted per cell where single plots would be too many. */
export const TILE_LAYERS = ['parks', 'plots', 'plot_cells', 'buildings', 'facilities', 'roads'] as const;

/** Zoom bounds of each tile source; MapLibre over-zooms beyond maxzoom. */
const SOURCE_ZOOMS: Record<(typeof TILE_LAYERS)[number], [number, number]> = {
	parks: [5, 16],
	plots: [10, 16],
	plot_cells: [5, 16],
	buildings: [12, 16],
	facilities: [5, 16],
	roads: [8, 16]
};

export const SEA_COLOR = '#cfe3ef';
export const LAND_COLOR = '#f4f1ea';

/** The one vector source of the map: all SiteAtlas layers per tile (`/tiles/all/…`), one request and parse per tile. */
export { TILE_SOURCE };

export function tileSources(origin: string, datum: Datum = 'wgs84'): Record<string, SourceSpecification> {
	const zooms = Object.values(SOURCE_ZOOMS);
	return {
		[TILE_SOURCE]: {
			type: 'vector',
			tiles: [`${origin}/tiles/all/{z}/{x}/{y}.mvt${tileDatumQuery(datum)}`],
			minzoom: Math.min(...zooms.map((z) => z[0])),
			maxzoom: Math.max(...zooms.map((z) => z[1])),
			attribution: 'SiteAtlas'
		}
	};
}

/** Sources of the map's own overlays (the finder's area of interest). */
export function overlaySources(): Record<string, SourceSpecification> {
	return { aoi: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } };
}

export function offlineStyle(origin: string, attribution: string): StyleSpecification {
	return {
		version: 8,
		name: 'SiteAtlas offline',
		sources: {
			land: { type: 'geojson', data: `${origin}/basemap/land.geojson`, attribution },
			districts: { type: 'geojson', data: `${origin}/basemap/districts.geojson` },
			water: { type: 'geojson', data: `${origin}/basemap/water.geojson` },
			...tileSources(origin),
			...overlaySources()
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

/** Adds SiteAtlas's sources and layers to someone else's basemap style (tiles in that basemap's datum). */
export function overlayOnStyle(base: StyleSpecification, origin: string, datum: Datum = 'wgs84'): StyleSpecification {
	return {
		...base,
		sources: { ...base.sources, ...tileSources(origin, datum), ...overlaySources() },
		layers: [...base.layers, ...dataLayers()]
	};
}

/**
 * Tianditu (天地图), the national basemap: its base layer and its label layer, in Web Mercator
 * (CGCS2000, which SiteAtlas stores), with SiteAtlas's layers on top.
 */
export function tiandituStyle(origin: string, key: string, layer: 'vector' | 'image', attribution: string): StyleSpecification {
	const [base, labels] = tiandituLayers(layer);
	return {
		version: 8,
		name: 'Tianditu',
		sources: {
			'tianditu-base': { type: 'raster', tiles: tiandituTileUrls(base, key), tileSize: 256, maxzoom: 18, attribution },
			'tianditu-labels': { type: 'raster', tiles: tiandituTileUrls(labels, key), tileSize: 256, maxzoom: 18 },
			...tileSources(origin),
			...overlaySources()
		},
		layers: [
			{ id: 'sea', type: 'background', paint: { 'background-color': SEA_COLOR } },
			{ id: 'tianditu-base', type: 'raster', source: 'tianditu-base' },
			{ id: 'tianditu-labels', type: 'raster', source: 'tianditu-labels' },
			...dataLayers()
		]
	};
}

/** The data version a map's tile addresses carry: the sum of the layers' versions (/api/map), which grows with every write. */
export function dataVersion(versions: Record<string, number>): number {
	return Object.values(versions).reduce((a, b) => a + Number(b), 0);
}

/**
 * SiteAtlas's tile addresses at a data version (`v=`): the server lets any cache keep such a tile
 * for good while the version is current, so a shared cache (nginx) serves it to every visitor.
 */
export function versionedTiles(tiles: string[], version: number): string[] {
	return tiles.map((u) => {
		const bare = u.replace(/([?&])v=\d+&?/, '$1').replace(/[?&]$/, '');
		return `${bare}${bare.includes('?') ? '&' : '?'}v=${version}`;
	});
}
