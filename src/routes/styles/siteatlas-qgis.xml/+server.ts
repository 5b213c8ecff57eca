import type { RequestHandler } from './$types';
import { qgisConnection } from '$lib/server/tiles/tilejson';

/** GET /styles/siteatlas-qgis.xml: a QGIS vector-tile connection (Layer → Data Source Manager → Vector Tile → Load). */
export const GET: RequestHandler = ({ url }) =>
	new Response(qgisConnection(url.origin, 'SiteAtlas'), {
		headers: {
			'content-type': 'application/xml; charset=utf-8',
			'content-disposition': 'attachment; filename="siteatlas-qgis.xml"',
			'access-control-allow-origin': '*'
		}
	});
