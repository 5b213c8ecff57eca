/**
 * SiteAtlas's vector tiles described for other clients: TileJSON 3.0.0 for each layer and for
 * the composite (`all`), with every layer's fields, the zone's bounds and the zoom range; and a
 * QGIS vector-tile connection file (QGIS takes an XYZ address plus a style URL, not TileJSON).
 */
import { TILE_LAYERS, MAX_TILE_ZOOM, PLOT_CELLS_LAYER, PLOT_CELLS_MIN_ZOOM } from './layers';
import { LAYERS, type LayerName } from '../../domain/vocab';
import { escapeXml } from '../../domain/markup';

/** The properties each layer's features carry, as TileJSON describes them. */
export const TILE_FIELDS: Record<LayerName, Record<string, string>> = {
	parks: { code: 'Park code', name_zh: 'Name (Chinese)', name_en: 'Name (English)', kind: 'Kind of park', industries: 'Industries, leading first (codes)' },
	plots: {
		code: 'Plot code',
		status: 'Supply status',
		land_use: 'Land use',
		area_mu: 'Area (mu)',
		industries: 'Suited industries (codes)',
		idle: 'Confirmed idle land',
		low_efficiency: 'Confirmed low-efficiency land'
	},
	buildings: {
		code: 'Building code',
		kind: 'Kind of building',
		name_zh: 'Name (Chinese)',
		name_en: 'Name (English)',
		occupancy: 'Occupancy (0–1)',
		vacant_m2: 'Vacant area (m²)'
	},
	facilities: { code: 'Facility code', kind: 'Kind of facility', name_zh: 'Name (Chinese)', name_en: 'Name (English)' },
	roads: { class: 'Road class', name_zh: 'Name (Chinese)', name_en: 'Name (English)' }
};

/** The counted plots (where a tile would hold too many single plots), inside plots and composite tiles. */
const PLOT_CELL_FIELDS: Record<string, string> = {
	plots: 'Published plots in the cell',
	status: 'Most common supply status',
	available: 'Plots available',
	available_mu: 'Land available (mu)',
	idle: 'Confirmed idle plots',
	low_efficiency: 'Confirmed low-efficiency plots'
};

/** The tiles are served to this zoom; clients over-zoom beyond it. */
const SERVED_MAX_ZOOM = 16;

export function tileJson(origin: string, layer: LayerName | 'all', bounds: [number, number, number, number] | null) {
	const layers = layer === 'all' ? [...LAYERS] : [layer];
	const minzoom = Math.min(...layers.map((l) => (l === 'plots' ? PLOT_CELLS_MIN_ZOOM : TILE_LAYERS[l].minZoom)));
	const cells = layers.includes('plots')
		? [
				{
					id: PLOT_CELLS_LAYER,
					fields: PLOT_CELL_FIELDS,
					minzoom: PLOT_CELLS_MIN_ZOOM,
					maxzoom: SERVED_MAX_ZOOM,
					description: 'Plots counted per cell where a tile would hold more than it can draw'
				}
			]
		: [];
	return {
		tilejson: '3.0.0',
		name: layer === 'all' ? 'SiteAtlas' : `SiteAtlas ${layer}`,
		description: 'Industrial parks, land plots, buildings, facilities and roads of the zone (published records only).',
		version: '1.0.0',
		attribution: 'SiteAtlas',
		scheme: 'xyz',
		tiles: [`${origin}/tiles/${layer}/{z}/{x}/{y}.mvt`],
		minzoom,
		maxzoom: Math.min(SERVED_MAX_ZOOM, MAX_TILE_ZOOM),
		bounds: bounds ?? [-180, -85.0511, 180, 85.0511],
		...(bounds ? { center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, Math.max(minzoom, 11)] } : {}),
		vector_layers: [...layers.map((l) => ({ id: l, fields: TILE_FIELDS[l], minzoom: TILE_LAYERS[l].minZoom, maxzoom: SERVED_MAX_ZOOM })), ...cells]
	};
}

/** QGIS's "Vector Tiles → Load Connections" file: the composite tiles and the style to draw them with. */
export function qgisConnection(origin: string, name: string): string {
	const minzoom = Math.min(...LAYERS.map((l) => TILE_LAYERS[l].minZoom));
	return `<!DOCTYPE connections>
<qgsVectorTileSourceConnections version="1.0">
  <vectortile name="${escapeXml(name)}" url="${escapeXml(`${origin}/tiles/all/{z}/{x}/{y}.mvt`)}" zmin="${minzoom}" zmax="${SERVED_MAX_ZOOM}" serviceType="" styleUrl="${escapeXml(`${origin}/styles/siteatlas.json`)}" authcfg="" username="" password="" referer="" http-header:referer=""/>
</qgsVectorTileSourceConnections>
`;
}
