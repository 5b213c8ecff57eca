import type { RequestHandler } from './$types';
import { collectionById } from '$lib/server/ogc/collections';
import { queryables } from '$lib/server/ogc/documents';
import { OgcError } from '$lib/server/ogc/features';
import { jsonAnswer, ogcResponse } from '$lib/server/ogc/http';

/** GET /ogc/collections/<id>/queryables: what its items can be filtered on, as JSON Schema. */
export const GET: RequestHandler = ({ params, request, url }) =>
	ogcResponse(
		async () => {
			const c = collectionById(params.id);
			if (!c) throw new OgcError(404, 'NotFound', `No collection "${params.id}".`);
			return jsonAnswer(queryables(url.origin, c), 'application/schema+json');
		},
		request,
		url
	);
