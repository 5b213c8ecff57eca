import type { RequestHandler } from './$types';
import { getTileService } from '$lib/server/context';
import { TileRequestError, parseTilePlace, tileCacheControl } from '$lib/server/tiles/service';
import { parseFinderQuery } from '$lib/domain/finder';
import { SearchInputError } from '$lib/server/search';
import { badRequest } from '$lib/server/http';

const HEADERS = {
	'content-type': 'application/vnd.mapbox-vector-tile',
	'access-control-allow-origin': '*'
};

/** GET /tiles/matches/{z}/{x}/{y}.mvt?<finder parameters>[&datum=gcj02][&v=<data version>]: a search's matches in the tile (layer `matches`, from z10). */
export const GET: RequestHandler = async ({ params, request, url, locals }) => {
	const finder = new URLSearchParams(url.searchParams);
	finder.delete('datum');
	finder.delete('v');
	const { query, errors } = parseFinderQuery(finder);
	if (errors.length) return badRequest(errors);
	let address;
	try {
		address = parseTilePlace(params.z, params.x, params.y, url.searchParams.get('datum'));
	} catch (e) {
		if (e instanceof TileRequestError) {
			return new Response(JSON.stringify({ error: e.code, message: e.message }), { status: e.status, headers: { 'content-type': 'application/json' } });
		}
		throw e;
	}
	const tiles = await getTileService(locals);
	const etag = await tiles.matchesEtag(query, address);
	const asked = request.headers.get('if-none-match');
	if (asked && asked.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
		return new Response(null, { status: 304, headers: { ...HEADERS, etag, 'cache-control': tileCacheControl(url, await tiles.version('all')) } });
	}
	try {
		const tile = await tiles.matches(query, address);
		const headers = { ...HEADERS, etag: tile.etag, 'cache-control': tileCacheControl(url, tile.version) };
		return new Response(tile.body as BodyInit, { headers: { ...headers, 'content-length': String(tile.body.byteLength) } });
	} catch (e) {
		if (e instanceof SearchInputError) return badRequest(e.errors);
		throw e;
	}
};
