/**
 * The tile SQL, shared by both encoders. Geometry is clipped to the buffered tile,
 * moved to tile coordinates (0..4096, y down), simplified, snapped to the integer
 * grid and oriented as the MVT spec wants (exterior rings positive by the
 * surveyor's formula in tile coordinates, i.e. ST_ForcePolygonCCW). PostGIS then
 * encodes the rows with ST_AsMVT; PGlite (built without protobuf) hands the same
 * rows to JavaScript. Same rows in, same features out.
 *
 * z, x, y are bound parameters; nothing user-supplied is spliced into the text.
 */
import { sql, type SQL } from 'drizzle-orm';
import { MAX_FEATURES_PER_TILE, TILE_BUFFER, TILE_EXTENT, type TileLayer } from './layers';
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

/** The source geometry `s.geom` in tile coordinates. */
function tileGeometry(layer: TileLayer, shifted: boolean): SQL {
	const wgs = sql`ST_Transform(s.geom, 3857)`;
	const merc = shifted ? sql`ST_Affine(${wgs}, t.ga, t.gb, t.gd, t.ge, t.gx, t.gy)` : wgs;
	const clipped = layer.kind === 'point' ? merc : sql`ST_ClipByBox2D(${merc}, t.clip)`;
	const inTile = sql`ST_Affine(${clipped}, t.sx, 0, 0, -t.sy, -t.xmin * t.sx, t.ymax * t.sy)`;
	const simplified = layer.simplify > 0 ? sql`ST_Simplify(${inTile}, ${layer.simplify}::float8)` : inTile;
	const snapped = sql`ST_SnapToGrid(${simplified}, 1)`;
	// Simplifying and snapping to the integer grid can fold a thin part onto itself (a spike, a
	// bow-tie); such a polygon is repaired and snapped again, so every tile polygon is valid.
	if (layer.kind === 'polygon') return sql`ST_ForcePolygonCCW(ST_CollectionExtract(valid_tile_polygon(${snapped}), 3))`;
	if (layer.kind === 'line') return sql`ST_CollectionExtract(${snapped}, 2)`;
	return snapped;
}

/** Which tile geometries are worth sending. */
function keep(layer: TileLayer): SQL {
	if (layer.kind === 'polygon') return sql`not ST_IsEmpty(f.geom) and ST_Area(f.geom) >= ${layer.minArea}::float8`;
	if (layer.kind === 'line') return sql`not ST_IsEmpty(f.geom)`;
	const lo = -TILE_BUFFER;
	const hi = TILE_EXTENT + TILE_BUFFER;
	return sql`ST_X(f.geom) between ${lo}::float8 and ${hi}::float8 and ST_Y(f.geom) between ${lo}::float8 and ${hi}::float8`;
}

/**
 * The encodable relation `m(id, props jsonb, geom)`: the layer's rows with their
 * properties (nulls stripped) and geometry in tile coordinates, filtered and capped.
 * Both encoders read exactly this relation.
 */
function tileRelation(layer: TileLayer, z: number, x: number, y: number, shift?: TileShift): SQL {
	return sql`${tileFrame(z, x, y, shift)}
		, s as (${layer.source(z)})
		, f as (select s.id, jsonb_strip_nulls(to_jsonb(s) - 'id' - 'geom') as props, ${tileGeometry(layer, Boolean(shift))} as geom from s, t)
		, m as (select f.id, f.props, f.geom from f where ${keep(layer)} order by f.id limit ${MAX_FEATURES_PER_TILE})`;
}

/** One layer's tile encoded by PostGIS's ST_AsMVT (server mode; PGlite lacks protobuf). Returns bytea. */
export function mvtQuery(layer: TileLayer, z: number, x: number, y: number, shift?: TileShift): SQL {
	return sql`${tileRelation(layer, z, x, y, shift)}
		select ST_AsMVT(m, ${layer.name}::text, ${TILE_EXTENT}::int, 'geom', 'id') as tile from m`;
}

/** One layer's tile as rows for the JavaScript encoder: id, props and the tile geometry as GeoJSON. */
export function rowsQuery(layer: TileLayer, z: number, x: number, y: number, shift?: TileShift): SQL {
	return sql`${tileRelation(layer, z, x, y, shift)}
		select m.id, m.props, ST_AsGeoJSON(m.geom) as geojson from m`;
}
