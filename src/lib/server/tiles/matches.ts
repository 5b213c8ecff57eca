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
import { tileLonLatBox } from '../../geo/tiles';
import { MATCHES_MIN_ZOOM } from '../../map/layers';

export const MATCHES_LAYER = 'matches';

/** The tile layer of a search's matches at tile z/x/y: outlines with their kind and score. */
export async function matchesLayer(
	db: Parameters<typeof scoredMatchesSql>[0],
	q: FinderQuery,
	a: { z: number; x: number; y: number; datum?: 'wgs84' | 'gcj02' }
): Promise<TileLayer> {
	const box = a.datum === 'gcj02' ? gcjTileShift(a.z, a.x, a.y).bbox : tileLonLatBox(a.z, a.x, a.y, TILE_BUFFER / TILE_EXTENT);
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
