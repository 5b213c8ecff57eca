/**
 * MapLibre layer definitions for SiteAtlas's own data, one function per map layer,
 * named after what it shows. Pure data: no map instance needed, so they are unit-tested.
 */
import type { LayerSpecification } from 'maplibre-gl';

/** The map's single vector source (see style.ts). */
export const TILE_SOURCE = 'siteatlas';
import { IDLE_OUTLINE_COLOR, LOW_EFFICIENCY_OUTLINE_COLOR, SUPPLY_STATUS_COLORS } from '../domain/status';
import { OCCUPANCY_BANDS } from '../domain/occupancy';
import { FACILITY_KINDS, SUPPLY_STATUSES, type FacilityKind } from '../domain/vocab';

/** Toggleable groups of map layers (what the layer switcher shows). */
export const LAYER_GROUPS = ['parks', 'plots', 'buildings', 'facilities', 'roads'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];

export const FACILITY_COLORS: Record<FacilityKind, string> = {
	port: '#08519c',
	airport: '#6a51a3',
	rail_station: '#a50f15',
	highway_exit: '#238b45',
	university: '#d94801',
	research_institute: '#c51b8a',
	incubator: '#e7298a',
	government: '#525252',
	hotel: '#8c6d31'
};

const statusColor: unknown[] = ['match', ['get', 'status']];
for (const s of SUPPLY_STATUSES) statusColor.push(s, SUPPLY_STATUS_COLORS[s]);
statusColor.push('#cccccc');

const occupancyColor: unknown[] = ['step', ['get', 'occupancy'], OCCUPANCY_BANDS[0].color];
for (let i = 1; i < OCCUPANCY_BANDS.length; i++) occupancyColor.push(OCCUPANCY_BANDS[i - 1].max, OCCUPANCY_BANDS[i].color);

const facilityColor: unknown[] = ['match', ['get', 'kind']];
for (const k of FACILITY_KINDS) facilityColor.push(k, FACILITY_COLORS[k]);
facilityColor.push('#333333');

/** Layer ids per group, so toggles and click handling can find them. */
export const GROUP_LAYER_IDS: Record<LayerGroup, string[]> = {
	roads: ['roads-casing', 'roads'],
	parks: ['parks-fill', 'parks-outline', 'parks-selected'],
	plots: ['plot-cells-fill', 'plots-fill', 'plots-outline', 'plots-flag', 'plots-match', 'plots-hover', 'plots-selected'],
	buildings: ['buildings-fill', 'buildings-outline', 'buildings-match', 'buildings-hover', 'buildings-selected'],
	facilities: ['facilities-halo', 'facilities']
};

/** Layers that open the side panel when clicked, most specific first. */
/** The outline of the finder's matches (also in the legend). */
export const MATCH_OUTLINE_COLOR = '#7c3aed';

export const CLICKABLE_LAYERS: { id: string; layer: 'facilities' | 'buildings' | 'plots' | 'parks' }[] = [
	{ id: 'facilities', layer: 'facilities' },
	{ id: 'buildings-fill', layer: 'buildings' },
	{ id: 'plots-fill', layer: 'plots' },
	{ id: 'parks-fill', layer: 'parks' }
];

/** Road width by class, growing with zoom (zoom must be the outermost interpolation). */
function roadWidth(widths: { expressway: number; arterial: number; secondary: number; local: number }) {
	const at = (f: number) => [
		'match',
		['get', 'class'],
		'expressway',
		widths.expressway * f,
		'arterial',
		widths.arterial * f,
		'secondary',
		widths.secondary * f,
		widths.local * f
	];
	return ['interpolate', ['exponential', 1.6], ['zoom'], 9, at(0.4), 13, at(1), 17, at(5)] as never;
}

/** Outline layers that the finder and selection drive through filters; empty until they are set. */
function highlightLayers(): LayerSpecification[] {
	const none = ['in', ['id'], ['literal', []]] as never;
	const line = (id: string, layer: string, color: string, width: number | unknown[]): LayerSpecification => ({
		id,
		type: 'line',
		source: TILE_SOURCE,
		'source-layer': layer,
		filter: none,
		paint: { 'line-color': color, 'line-width': width as never }
	});
	// At zone zoom a plot is a few pixels: a full-width outline would fill it (every park a
	// purple blob); the outline thins out with the zoom and reaches its width at street level.
	return [
		{ id: 'aoi-fill', type: 'fill', source: 'aoi', paint: { 'fill-color': '#0b4f6c', 'fill-opacity': 0.08 } },
		{ id: 'aoi-line', type: 'line', source: 'aoi', paint: { 'line-color': '#0b4f6c', 'line-width': 2, 'line-dasharray': [2, 1] } },
		line('plots-hover', 'plots', '#f59e0b', 5),
		line('buildings-hover', 'buildings', '#f59e0b', 5),
		line('plots-selected', 'plots', '#111827', 3),
		line('buildings-selected', 'buildings', '#111827', 3),
		line('parks-selected', 'parks', '#111827', 3)
	];
}

/** The source of the finder's matches (tiles of /tiles/matches, added while a search is shown). */
export const MATCHES_SOURCE = 'matches';
/** Matches are outlined from this zoom (below it a match is a speck: the match heat map shows where they are). */
export const MATCHES_MIN_ZOOM = 10;
/** Match outlines are drawn under this layer (above the fills, under hover and selection). */
export const MATCHES_BEFORE = 'plots-hover';

/** Outlines of the finder's matches, from the matches source. */
export function matchLayers(): LayerSpecification[] {
	// At zone zoom a plot is a few pixels: a full-width outline would fill it (every park a
	// purple blob); the outline thins out with the zoom and reaches its width at street level.
	const width = ['interpolate', ['linear'], ['zoom'], 11, 0.4, 13, 1.2, 15, 2.5] as never;
	return (['plot', 'building'] as const).map((kind) => ({
		id: `${kind}s-match`,
		type: 'line',
		source: MATCHES_SOURCE,
		'source-layer': 'matches',
		filter: ['==', ['get', 'kind'], kind] as never,
		paint: { 'line-color': MATCH_OUTLINE_COLOR, 'line-width': width }
	}));
}

export function dataLayers(): LayerSpecification[] {
	return [...baseDataLayers(), ...highlightLayers()];
}

function baseDataLayers(): LayerSpecification[] {
	return [
		{
			id: 'parks-fill',
			type: 'fill',
			source: TILE_SOURCE,
			'source-layer': 'parks',
			paint: {
				'fill-color': ['match', ['get', 'kind'], 'park_in_park', '#c6dbef', '#deebf7'] as never,
				'fill-opacity': ['interpolate', ['linear'], ['zoom'], 9, 0.75, 14, 0.35] as never
			}
		},
		{
			id: 'roads-casing',
			type: 'line',
			source: TILE_SOURCE,
			'source-layer': 'roads',
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': '#b8b1a3',
				'line-width': roadWidth({ expressway: 4.5, arterial: 3.2, secondary: 2.2, local: 1.4 })
			}
		},
		{
			id: 'roads',
			type: 'line',
			source: TILE_SOURCE,
			'source-layer': 'roads',
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': ['match', ['get', 'class'], 'expressway', '#f6c75a', 'arterial', '#fde9a9', '#ffffff'] as never,
				'line-width': roadWidth({ expressway: 3, arterial: 2, secondary: 1.4, local: 0.8 })
			}
		},
		{
			id: 'parks-outline',
			type: 'line',
			source: TILE_SOURCE,
			'source-layer': 'parks',
			paint: {
				'line-color': '#2171b5',
				'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.2, 15, 3] as never,
				'line-dasharray': [3, 1.5]
			}
		},
		{
			// Where a tile would hold too many plots (a province, a dense zone from afar): the plots
			// counted per cell, in the colour of the most common supply status, denser cells bolder.
			id: 'plot-cells-fill',
			type: 'fill',
			source: TILE_SOURCE,
			'source-layer': 'plot_cells',
			paint: {
				'fill-color': statusColor as never,
				'fill-opacity': ['interpolate', ['linear'], ['get', 'plots'], 1, 0.35, 50, 0.6, 500, 0.85] as never,
				'fill-outline-color': '#ffffff'
			}
		},
		{
			id: 'plots-fill',
			type: 'fill',
			source: TILE_SOURCE,
			'source-layer': 'plots',
			paint: { 'fill-color': statusColor as never, 'fill-opacity': 0.82 }
		},
		{
			id: 'plots-outline',
			type: 'line',
			source: TILE_SOURCE,
			'source-layer': 'plots',
			minzoom: 12,
			paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 0.4, 17, 1.5] as never }
		},
		{
			id: 'plots-flag',
			type: 'line',
			source: TILE_SOURCE,
			'source-layer': 'plots',
			filter: ['any', ['==', ['get', 'idle'], true], ['==', ['get', 'low_efficiency'], true]],
			paint: {
				'line-color': ['case', ['==', ['get', 'idle'], true], IDLE_OUTLINE_COLOR, LOW_EFFICIENCY_OUTLINE_COLOR] as never,
				'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1, 16, 3] as never
			}
		},
		{
			id: 'buildings-fill',
			type: 'fill',
			source: TILE_SOURCE,
			'source-layer': 'buildings',
			paint: { 'fill-color': occupancyColor as never, 'fill-opacity': 0.95 }
		},
		{
			id: 'buildings-outline',
			type: 'line',
			source: TILE_SOURCE,
			'source-layer': 'buildings',
			paint: { 'line-color': '#3f3f3f', 'line-width': 1 }
		},
		{
			id: 'facilities-halo',
			type: 'circle',
			source: TILE_SOURCE,
			'source-layer': 'facilities',
			paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 6, 15, 11] as never, 'circle-color': '#ffffff' }
		},
		{
			id: 'facilities',
			type: 'circle',
			source: TILE_SOURCE,
			'source-layer': 'facilities',
			paint: {
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4, 15, 8] as never,
				'circle-color': facilityColor as never,
				'circle-stroke-color': '#ffffff',
				'circle-stroke-width': 1
			}
		}
	];
}
