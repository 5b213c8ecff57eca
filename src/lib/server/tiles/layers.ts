/**
 * What each vector-tile layer carries, from which zoom, and how it is filtered.
 * This is the one place that states the tile rules (minimum zoom, simplification,
 * area threshold, feature cap, when plots are aggregated). Only published records are
 * ever in a tile, and only the properties the map styles and filters on and that
 * TileJSON promises: details come from the site endpoint on click.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { LayerName } from '../../domain/vocab';

export const TILE_EXTENT = 4096;
/** Buffer around the tile, in tile units, so that strokes do not show seams. */
export const TILE_BUFFER = 64;
export const MAX_TILE_ZOOM = 22;
/** pg_tileserv's cap, for the layers that are never dense (facilities, roads, parks). */
export const MAX_FEATURES_PER_TILE = 50_000;

/**
 * Plots a tile draws one by one; a tile over more (a dense zone seen from afar) shows the
 * plots counted per cell instead (the `plot_cells` layer), so that no tile is over its budget
 * (500 KB) and none silently leaves plots out.
 */
export const MAX_PLOTS_PER_TILE = 10_000;
/** Below this zoom plots are always shown counted per cell: single plots are specks. */
export const PLOT_DETAIL_MIN_ZOOM = 10;
/** Plots are counted (table plot_cells) at these levels of the tile grid; a tile at zoom z uses level min(z + 4, max). */
export const PLOT_CELL_LEVELS = { min: 9, max: 16 } as const;
/** Counted plots first appear at this zoom (a province seen whole). */
export const PLOT_CELLS_MIN_ZOOM = 5;

export type GeometryKind = 'polygon' | 'line' | 'point';

export interface TileLayer {
	/** The layer name in the tile (a record layer, or `matches`). */
	name: string;
	kind: GeometryKind;
	/** Below this zoom the layer's tiles are empty. */
	minZoom: number;
	/** Douglas–Peucker tolerance in tile units (8 units ≈ 1 px on a 512 px tile). */
	simplify: number;
	/** Polygons smaller than this many square tile units are dropped (sub-pixel specks)… */
	minArea: number;
	/** …or, when set, sent as a 2 × 2 unit square so that the tile holds every feature it overlaps. */
	keepSmall?: boolean;
	/** The row's id and geometry (EPSG:4326) expressions. */
	id: SQL;
	geom: SQL;
	/** The properties, name → expression; a null property is left out of the feature. */
	props: [string, SQL][];
	/** `from … where …`: the layer's rows within `t.bbox` (the buffered tile in EPSG:4326) at zoom z. */
	rows(z: number): SQL;
}

export const TILE_LAYERS: Record<LayerName, TileLayer> = {
	parks: {
		name: 'parks',
		kind: 'polygon',
		minZoom: 5,
		simplify: 4,
		minArea: 0,
		id: sql`p.id`,
		geom: sql`p.boundary`,
		props: [
			['code', sql`p.code`],
			['name_zh', sql`p.name_zh`],
			['name_en', sql`p.name_en`],
			['kind', sql`p.kind`],
			[
				'industries',
				sql`(select string_agg(i.code, ',' order by pi.is_leading desc, i.sort_order)
					from park_industries pi join industries i on i.id = pi.industry_id where pi.park_id = p.id)`
			]
		],
		rows: () => sql`from parks p, t where p.published and p.boundary && t.bbox`
	},
	plots: {
		name: 'plots',
		kind: 'polygon',
		minZoom: PLOT_DETAIL_MIN_ZOOM,
		simplify: 4,
		minArea: 32,
		keepSmall: true,
		id: sql`p.id`,
		geom: sql`p.boundary`,
		props: [
			['code', sql`p.code`],
			['status', sql`p.supply_status`],
			['land_use', sql`p.land_use`],
			['area_mu', sql`round((p.area_m2 / (10000.0 / 15))::numeric, 1)::float8`],
			['industries', sql`p.industry_codes`],
			['idle', sql`p.is_idle`],
			['low_efficiency', sql`p.is_low_efficiency`]
		],
		rows: () => sql`from plots p, t where p.published and p.boundary && t.bbox`
	},
	buildings: {
		name: 'buildings',
		kind: 'polygon',
		minZoom: 12,
		simplify: 2,
		minArea: 4,
		id: sql`b.id`,
		geom: sql`b.footprint`,
		// Occupancy as building_occupancy computes it, kept on the row by the units' triggers (migration 0014).
		props: [
			['code', sql`b.code`],
			['kind', sql`b.kind`],
			['name_zh', sql`b.name_zh`],
			['name_en', sql`b.name_en`],
			['occupancy', sql`round(b.occupancy_rate::numeric, 3)::float8`],
			['vacant_m2', sql`round(b.vacant_m2)::int`]
		],
		rows: () => sql`from buildings b, t where b.published and b.footprint && t.bbox`
	},
	facilities: {
		name: 'facilities',
		kind: 'point',
		minZoom: 5,
		simplify: 0,
		minArea: 0,
		id: sql`f.id`,
		geom: sql`f.location`,
		props: [
			['code', sql`f.code`],
			['kind', sql`f.kind`],
			['name_zh', sql`f.name_zh`],
			['name_en', sql`f.name_en`]
		],
		rows: () => sql`from facilities f, t where f.published and f.location && t.bbox`
	},
	roads: {
		name: 'roads',
		kind: 'line',
		minZoom: 8,
		simplify: 2,
		minArea: 0,
		id: sql`r.id`,
		geom: sql`r.geom`,
		props: [
			['class', sql`r.road_class`],
			['name_zh', sql`r.name_zh`],
			['name_en', sql`r.name_en`]
		],
		// Local streets only from z13, where they are more than a hairline apart.
		rows: (z) => sql`from roads r, t where r.geom && t.bbox ${z < 13 ? sql`and r.road_class <> 'local'` : sql``}`
	}
};

/** The counted plots' layer inside a plots tile, and what each cell says. */
export const PLOT_CELLS_LAYER = 'plot_cells';
export const PLOT_CELL_PROPS = ['plots', 'status', 'available', 'available_mu', 'idle', 'low_efficiency'] as const;

/** The level of the plot_cells grid a tile at zoom z shows (cells of 32 px on a 512 px tile). */
export function plotCellLevel(z: number): number {
	return Math.min(z + 4, PLOT_CELL_LEVELS.max);
}
