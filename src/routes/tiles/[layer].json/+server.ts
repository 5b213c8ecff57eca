import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { getZoneBounds } from '$lib/server/sites/details';
import { tileJson } from '$lib/server/tiles/tilejson';
import { LAYERS, isOneOf } from '$lib/domain/vocab';
import { failure } from '$lib/server/http';

/** GET /tiles/<layer>.json (parks, plots, buildings, facilities, roads, or all): TileJSON 3.0.0. */
export const GET: RequestHandler = async ({ params, url }) => {
	if (params.layer !== 'all' && !isOneOf(LAYERS, params.layer))
		return failure(404, 'unknown_layer', `No tile layer "${params.layer}"; use all or one of: ${LAYERS.join(', ')}.`);
	const bounds = await getZoneBounds(await getDatabase());
	return json(tileJson(url.origin, params.layer as (typeof LAYERS)[number] | 'all', bounds), {
		headers: { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=300' }
	});
};
