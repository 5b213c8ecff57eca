import type { RequestHandler } from './$types';
import { getTileService } from '$lib/server/context';
import { TileRequestError, parseTileAddress } from '$lib/server/tiles/service';

const HEADERS = {
	'content-type': 'application/vnd.mapbox-vector-tile',
	// Caches may keep tiles but must revalidate: the ETag changes with the layer's data version.
	'cache-control': 'public, max-age=0, must-revalidate',
	'access-control-allow-origin': '*'
};

export const GET: RequestHandler = async ({ params, request }) => {
	let address;
	try {
		address = parseTileAddress(params.layer, params.z, params.x, params.y);
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
	const ifNoneMatch = request.headers.get('if-none-match');
	if (ifNoneMatch) {
		const etag = await tiles.etag(address);
		if (ifNoneMatch.split(',').some((t) => t.trim() === etag)) {
			return new Response(null, { status: 304, headers: { ...HEADERS, etag } });
		}
	}
	const tile = await tiles.get(address);
	return new Response(tile.body as BodyInit, {
		headers: { ...HEADERS, etag: tile.etag, 'content-length': String(tile.body.byteLength) }
	});
};
