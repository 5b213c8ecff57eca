import type { RequestHandler } from './$types';
import { getTileService } from '$lib/server/context';
import { TileRequestError, parseTileAddress, tileCacheControl } from '$lib/server/tiles/service';

const HEADERS = {
	'content-type': 'application/vnd.mapbox-vector-tile',
	'access-control-allow-origin': '*'
};

export const GET: RequestHandler = async ({ params, request, url, locals }) => {
	let address;
	try {
		address = parseTileAddress(params.layer, params.z, params.x, params.y, url.searchParams.get('datum'));
	} catch (e) {
		if (e instanceof TileRequestError) {
			return new Response(JSON.stringify({ error: e.code, message: e.message }), {
				status: e.status,
				headers: { 'content-type': 'application/json' }
			});
		}
		throw e;
	}
	const tiles = await getTileService(locals);
	const answer = await tiles.respond(address, request.headers.get('if-none-match'));
	const headers = { ...HEADERS, etag: answer.etag, 'cache-control': tileCacheControl(url, answer.version) };
	if (answer.status === 304 || !answer.body) return new Response(null, { status: 304, headers });
	return new Response(answer.body as BodyInit, { headers: { ...headers, 'content-length': String(answer.body.byteLength) } });
};
