/**
 * What each vector-tile layer carries, from which zoom, and how it is filtered.
 * This is the one place that states the tile rules (minimum zoom, simplification,
 * area threshold, feature cap). Only published records are ever in a tile, and
 * only the properties the map styles and filters on: details come from the
 * site endpoint on click.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { LayerName } from '../../domain/vocab';

export const TILE_EXTENT = 4096;
/** Buffer around the tile, in tile units, so that strokes do not show seams. */
export const TILE_BUFFER = 64;
export const MAX_TILE_ZOOM = 22;
/** pg_tileserv's cap; a tile of the sample zone is nowhere near it. */
export const MAX_FEATURES_PER_TILE = 50_000;

export type GeometryKind = 'polygon' | 'line' | 'point';

export interface TileLayer {
	name: LayerName;
	kind: GeometryKind;
	/** Below this zoom the layer's tiles are empty. */
	minZoom: number;
	/** Douglas–Peucker tolerance in tile units (8 units ≈ 1 px on a 512 px tile). */
	simplify: number;
	/** Polygons smaller than this many square tile units are dropped (sub-pixel specks). */
	minArea: number;
	/**
	 * The layer's rows: `id`, `geom` (EPSG:4326) and the properties, restricted to
	 * `bbox` (the buffered tile in EPSG:4326) and to what the zoom `z` should show.
	 */
	source(z: number): SQL;
}

export const TILE_LAYERS: Record<LayerName, TileLayer> = {
	parks: {
		name: 'parks',
		kind: 'polygon',
		minZoom: 5,
		simplify: 4,
		minArea: 0,
		source: () => sql`
			select p.id, p.boundary as geom, p.code, p.name_zh, p.name_en, p.kind,
				(select string_agg(i.code, ',' order by pi.is_leading desc, i.sort_order)
					from park_industries pi join industries i on i.id = pi.industry_id where pi.park_id = p.id) as industries
			from parks p, t
			where p.published and p.boundary && t.bbox`
	},
	plots: {
		name: 'plots',
		kind: 'polygon',
		minZoom: 10,
		simplify: 4,
		minArea: 32,
		source: () => sql`
			select p.id, p.boundary as geom, p.code, p.supply_status as status, p.land_use,
				round((p.area_m2 / (10000.0 / 15))::numeric, 1)::float8 as area_mu,
				(select string_agg(i.code, ',' order by i.sort_order)
					from plot_industries pi join industries i on i.id = pi.industry_id where pi.plot_id = p.id) as industries,
				p.is_idle as idle, p.is_low_efficiency as low_efficiency
			from plots p, t
			where p.published and p.boundary && t.bbox`
	},
	buildings: {
		name: 'buildings',
		kind: 'polygon',
		minZoom: 12,
		simplify: 2,
		minArea: 4,
		source: () => sql`
			select b.id, b.footprint as geom, b.code, b.kind, b.name_zh, b.name_en,
				round(o.rate::numeric, 3)::float8 as occupancy, round(o.vacant_m2)::int as vacant_m2
			from buildings b
			cross join t
			cross join lateral building_occupancy(b.id, b.leasable_area_m2, b.leased_area_m2) o
			where b.published and b.footprint && t.bbox`
	},
	facilities: {
		name: 'facilities',
		kind: 'point',
		minZoom: 5,
		simplify: 0,
		minArea: 0,
		source: () => sql`
			select f.id, f.location as geom, f.code, f.kind, f.name_zh, f.name_en
			from facilities f, t
			where f.published and f.location && t.bbox`
	},
	roads: {
		name: 'roads',
		kind: 'line',
		minZoom: 8,
		simplify: 2,
		minArea: 0,
		// Local streets only from z13, where they are more than a hairline apart.
		source: (z) => sql`
			select r.id, r.geom, r.road_class as class, r.name_zh, r.name_en
			from roads r, t
			where r.geom && t.bbox ${z < 13 ? sql`and r.road_class <> 'local'` : sql``}`
	}
};
