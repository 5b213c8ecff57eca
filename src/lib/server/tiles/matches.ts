/**
 * The finder's matches as vector tiles (layer `matches`), so that the map outlines every match
 * of a search however many there are, while the page lists one page of them: the same filters
 * and score as the finder (search/index.ts), restricted to the tile through the spatial index.
 */
import { sql } from 'drizzle-orm';
import type { FinderQuery } from '../../domain/finder';
import { scoredMatchesSql } from '../search';
import type { TileLayer } from './layers';
import { TILE_BUFFER, TILE_EXTENT } from './layers';
import { gcjTileShift } from './datum';

export const MATCHES_LAYER = 'matches';
/** Below this zoom a match is a speck: the match heat map shows where they are. */
export const MATCHES_MIN_ZOOM = 10;

/** Longitude and latitude of tile corner x, y at zoom z. */
function corner(z: number, x: number, y: number): [number, number] {
	const n = 2 ** z;
	const lon = (x / n) * 360 - 180;
	const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
	return [lon, lat];
}

/** The tile's box with its buffer, in EPSG:4326. */
function bufferedBox(z: number, x: number, y: number): [number, number, number, number] {
	const m = TILE_BUFFER / TILE_EXTENT;
	const [w, n] = corner(z, x - m, y - m);
	const [e, s] = corner(z, x + 1 + m, y + 1 + m);
	return [w, Math.max(-85.06, s), e, Math.min(85.06, n)];
}

/** The tile layer of a search's matches at tile z/x/y: outlines with their kind and score. */
export async function matchesLayer(
	db: Parameters<typeof scoredMatchesSql>[0],
	q: FinderQuery,
	a: { z: number; x: number; y: number; datum?: 'wgs84' | 'gcj02' }
): Promise<TileLayer> {
	const box = a.datum === 'gcj02' ? gcjTileShift(a.z, a.x, a.y).bbox : bufferedBox(a.z, a.x, a.y);
	// Without an area of its own the search looks only at the tile, through the spatial index.
	const scored = await scoredMatchesSql(db, q.bbox || q.polygon || q.circle ? q : { ...q, bbox: box });
	const geom = q.kind === 'plot' ? sql`g.boundary` : sql`g.footprint`;
	const table = q.kind === 'plot' ? sql`plots` : sql`buildings`;
	return {
		name: MATCHES_LAYER,
		kind: 'polygon',
		minZoom: MATCHES_MIN_ZOOM,
		simplify: 4,
		minArea: 32,
		keepSmall: true,
		id: sql`g.id`,
		geom,
		props: [
			['kind', sql`${q.kind}::text`],
			['score', sql`c.score`]
		],
		rows: () => sql`from (${scored}) c join ${table} g on g.id = c.id, t where ${geom} && t.bbox`
	};
}
