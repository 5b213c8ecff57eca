import type { RequestHandler } from './$types';
import { getTileService } from '$lib/server/context';
import { TileRequestError, parseTileAddress } from '$lib/server/tiles/service';

const HEADERS = {
	'content-type': 'application/vnd.mapbox-vector-tile',
	// Caches may keep tiles but must revalidate: the ETag changes with the layer's data version.
	'cache-control': 'public, max-age=0, must-revalidate',
	'access-control-allow-origin': '*'
};

export const GET: RequestHandler = async ({ params, request, url }) => {
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
	const tiles = await getTileService();
	const answer = await tiles.respond(address, request.headers.get('if-none-match'));
	if (answer.status === 304 || !answer.body) {
		return new Response(null, { status: 304, headers: { ...HEADERS, etag: answer.etag } });
	}
	return new Response(answer.body as BodyInit, {
		headers: { ...HEADERS, etag: answer.etag, 'content-length': String(answer.body.byteLength) }
	});
};
