/**
 * The tile SQL, shared by both encoders. Geometry is clipped to the buffered tile,
 * moved to tile coordinates (0..4096, y down), simplified, snapped to the integer
 * grid and oriented as the MVT spec wants (exterior rings positive by the
 * surveyor's formula in tile coordinates, i.e. ST_ForcePolygonCCW). PostGIS then
 * encodes the rows with ST_AsMVT; PGlite (built without protobuf) hands the same
 * rows to JavaScript. Same rows in, same features out.
 *
 * The geometry pipeline runs once per row (a MATERIALIZED step), and properties are plain
 * columns: ST_AsMVT reads them as they are, the JavaScript path gets them as one jsonb.
 *
 * z, x, y are bound parameters; nothing user-supplied is spliced into the text.
 */
import { sql, type SQL } from 'drizzle-orm';
import {
	MAX_FEATURES_PER_TILE,
	MAX_PLOTS_PER_TILE,
	PLOT_CELL_LEVELS,
	PLOT_CELLS_LAYER,
	TILE_BUFFER,
	TILE_EXTENT,
	plotCellLevel,
	type TileLayer
} from './layers';
import type { TileShift } from './datum';

/**
 * The tile's frame `t`: buffered clip box, its EPSG:4326 bbox (for the GiST index), origin and
 * scale; for a GCJ-02 tile the source box moved back to WGS 84 and the affine map (see datum.ts).
 */
function tileFrame(z: number, x: number, y: number, shift?: TileShift): SQL {
	const bbox = shift
		? sql`ST_MakeEnvelope(${shift.bbox[0]}::float8, ${shift.bbox[1]}::float8, ${shift.bbox[2]}::float8, ${shift.bbox[3]}::float8, 4326)`
		: sql`ST_Transform(clip, 4326)`;
	const [a, b, d, e, xoff, yoff] = shift?.affine ?? [1, 0, 0, 1, 0, 0];
	return sql`
		with env as (
			select ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int) as e,
				ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int, margin => ${TILE_BUFFER / TILE_EXTENT}::float8) as clip
		), t as (
			select clip, ${bbox} as bbox,
				${a}::float8 as ga, ${b}::float8 as gb, ${d}::float8 as gd, ${e}::float8 as ge, ${xoff}::float8 as gx, ${yoff}::float8 as gy,
				ST_XMin(e) as xmin, ST_YMax(e) as ymax,
				${TILE_EXTENT}::float8 / (ST_XMax(e) - ST_XMin(e)) as sx,
				${TILE_EXTENT}::float8 / (ST_YMax(e) - ST_YMin(e)) as sy
			from env
		)`;
}

/** A layer's geometry in tile coordinates, clipped to the buffered tile, before simplifying (`raw`). */
function rawGeometry(layer: TileLayer, shifted: boolean): SQL {
	const wgs = sql`ST_Transform(${layer.geom}, 3857)`;
	const merc = shifted ? sql`ST_Affine(${wgs}, t.ga, t.gb, t.gd, t.ge, t.gx, t.gy)` : wgs;
	const clipped = layer.kind === 'point' ? merc : sql`ST_ClipByBox2D(${merc}, t.clip)`;
	return sql`ST_Affine(${clipped}, t.sx, 0, 0, -t.sy, -t.xmin * t.sx, t.ymax * t.sy)`;
}

/** The tile geometry from `raw`: simplified, snapped to the integer grid, valid and oriented. */
function finishGeometry(layer: TileLayer, raw: SQL): SQL {
	const simplified = layer.simplify > 0 ? sql`ST_Simplify(${raw}, ${layer.simplify}::float8)` : raw;
	const snapped = sql`ST_SnapToGrid(${simplified}, 1)`;
	// Simplifying and snapping to the integer grid can fold a thin part onto itself (a spike, a
	// bow-tie); such a polygon is repaired and snapped again, so every tile polygon is valid.
	if (layer.kind === 'polygon') return sql`ST_ForcePolygonCCW(ST_CollectionExtract(valid_tile_polygon(${snapped}), 3))`;
	if (layer.kind === 'line') return sql`ST_CollectionExtract(${snapped}, 2)`;
	return snapped;
}

/**
 * The geometry a row is sent with, or null when it is not sent. Polygons smaller than the
 * layer's minArea are dropped, or, for a layer that must keep every feature (plots), drawn as
 * a 2 × 2 unit square at a point inside them: a tile holds every plot it overlaps.
 */
function outputGeometry(layer: TileLayer): SQL {
	if (layer.kind === 'point') {
		const lo = -TILE_BUFFER;
		const hi = TILE_EXTENT + TILE_BUFFER;
		return sql`case when ST_X(g.geom) between ${lo}::float8 and ${hi}::float8 and ST_Y(g.geom) between ${lo}::float8 and ${hi}::float8 then g.geom end`;
	}
	if (layer.kind === 'line') return sql`case when not ST_IsEmpty(g.geom) then g.geom end`;
	const big = sql`not ST_IsEmpty(g.geom) and ST_Area(g.geom) >= ${layer.minArea}::float8`;
	if (!layer.keepSmall) return sql`case when ${big} then g.geom end`;
	return sql`case when ${big} then g.geom else ST_ForcePolygonCCW(ST_Expand(ST_SnapToGrid(ST_PointOnSurface(g.raw), 1), 1)) end`;
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '')}"`);

/**
 * The encodable relation `m(id, geom, <props>)`: the layer's rows with their geometry in tile
 * coordinates (computed once per row), filtered and capped. Both encoders read exactly this.
 */
function tileRelation(layer: TileLayer, z: number, x: number, y: number, shift?: TileShift): SQL {
	const props = sql.join(
		layer.props.map(([name, expr]) => sql`${expr} as ${ident(name)}`),
		sql`, `
	);
	const names = sql.join(
		layer.props.map(([name]) => sql`g.${ident(name)}`),
		sql`, `
	);
	// Each step once per row: the clipped geometry, then the finished one, then the choice.
	return sql`${tileFrame(z, x, y, shift)}
		, f as materialized (select ${layer.id} as id, ${rawGeometry(layer, Boolean(shift))} as raw, ${props} ${layer.rows(z)})
		, g as materialized (select f.*, ${finishGeometry(layer, sql`f.raw`)} as geom from f where not ST_IsEmpty(f.raw))
		, o as materialized (select g.id, ${outputGeometry(layer)} as geom, ${names} from g)
		, m as (select * from o where o.geom is not null order by o.id limit ${MAX_FEATURES_PER_TILE})`;
}

/** The properties of `m` as one jsonb, nulls left out (for the JavaScript encoder). */
function propsJson(names: readonly string[]): SQL {
	const pairs = sql.join(
		names.map((n) => sql`${n}::text, m.${ident(n)}`),
		sql`, `
	);
	return sql`jsonb_strip_nulls(jsonb_build_object(${pairs}))`;
}

/** One layer's tile encoded by PostGIS's ST_AsMVT (server mode; PGlite lacks protobuf). Returns bytea. */
export function mvtQuery(layer: TileLayer, z: number, x: number, y: number, shift?: TileShift): SQL {
	return sql`${tileRelation(layer, z, x, y, shift)}
		select ST_AsMVT(m, ${layer.name}::text, ${TILE_EXTENT}::int, 'geom', 'id') as tile from m`;
}

/** One layer's tile as rows for the JavaScript encoder: id, props and the tile geometry as GeoJSON. */
export function rowsQuery(layer: TileLayer, z: number, x: number, y: number, shift?: TileShift): SQL {
	return sql`${tileRelation(layer, z, x, y, shift)}
		select m.id, ${propsJson(layer.props.map(([n]) => n))} as props, ST_AsGeoJSON(m.geom) as geojson from m`;
}

/** The cells of plot_cells at `level` that lie within tile z/x/y (or, above the level, the one it lies in). */
function cellRange(z: number, x: number, y: number, level: number) {
	if (level >= z) {
		const k = 2 ** (level - z);
		return { x0: x * k, x1: (x + 1) * k - 1, y0: y * k, y1: (y + 1) * k - 1 };
	}
	const k = 2 ** (z - level);
	return { x0: Math.floor(x / k), x1: Math.floor(x / k), y0: Math.floor(y / k), y1: Math.floor(y / k) };
}

/**
 * Whether tile z/x/y holds more than MAX_PLOTS_PER_TILE published plots (counted from plot_cells,
 * at most a cell's worth more above zoom 12): a boolean SQL expression.
 */
export function plotsOverCapSql(z: number, x: number, y: number): SQL {
	const level = Math.max(PLOT_CELL_LEVELS.min, plotCellLevel(z));
	const r = cellRange(z, x, y, level);
	return sql`(select coalesce(sum(plots), 0) from plot_cells
		where level = ${level}::smallint and x between ${r.x0}::int and ${r.x1}::int and y between ${r.y0}::int and ${r.y1}::int) > ${MAX_PLOTS_PER_TILE}::int`;
}

/**
 * The plots of a tile counted per cell (layer `plot_cells`): a square per cell with its count,
 * its most common supply status, the land on offer and the idle and low-efficiency plots.
 * Encoded like any layer; `encode` is 'mvt' (ST_AsMVT) or 'rows' (for JavaScript).
 */
export function plotCellsQuery(z: number, x: number, y: number, encode: 'mvt' | 'rows'): SQL {
	const level = plotCellLevel(z);
	const r = cellRange(z, x, y, level);
	const size = TILE_EXTENT / 2 ** (level - z);
	const inset = Math.min(size * 0.06, 16);
	const rel = sql`
		with m as (
			select (c.x::bigint << ${level}::int) + c.y as id,
				ST_ForcePolygonCCW(ST_MakeEnvelope(
					(c.x - ${r.x0}::int) * ${size}::float8 + ${inset}::float8, (c.y - ${r.y0}::int) * ${size}::float8 + ${inset}::float8,
					(c.x - ${r.x0}::int + 1) * ${size}::float8 - ${inset}::float8, (c.y - ${r.y0}::int + 1) * ${size}::float8 - ${inset}::float8)) as geom,
				c.plots,
				case greatest(c.reserve, c.available, c.negotiating, c.signed, c.under_construction, c.in_production)
					when c.available then 'available' when c.negotiating then 'negotiating' when c.signed then 'signed'
					when c.under_construction then 'under_construction' when c.in_production then 'in_production' else 'reserve' end as status,
				c.available,
				round((c.available_m2 / (10000.0 / 15))::numeric, 1)::float8 as available_mu,
				c.idle, c.low_efficiency
			from plot_cells c
			where c.level = ${level}::smallint and c.plots > 0
				and c.x between ${r.x0}::int and ${r.x1}::int and c.y between ${r.y0}::int and ${r.y1}::int
		)`;
	if (encode === 'mvt') return sql`${rel} select ST_AsMVT(m, ${PLOT_CELLS_LAYER}::text, ${TILE_EXTENT}::int, 'geom', 'id') as tile from m`;
	return sql`${rel} select m.id, ${propsJson(['plots', 'status', 'available', 'available_mu', 'idle', 'low_efficiency'])} as props, ST_AsGeoJSON(m.geom) as geojson from m`;
}
