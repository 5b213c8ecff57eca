import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { supportedCrs, zoneCentreLon } from '$lib/server/ogc/crs';
import { openapi } from '$lib/server/ogc/documents';
import { jsonAnswer, ogcResponse } from '$lib/server/ogc/http';

/** GET /ogc/api: the OpenAPI 3.0 definition (every parameter, the page-size maximum). */
export const GET: RequestHandler = ({ request, url }) =>
	ogcResponse(
		async () =>
			jsonAnswer(
				openapi(url.origin, 'SiteAtlas OGC API – Features', supportedCrs(await zoneCentreLon(await getDatabase()))),
				'application/vnd.oai.openapi+json;version=3.0'
			),
		request,
		url
	);
