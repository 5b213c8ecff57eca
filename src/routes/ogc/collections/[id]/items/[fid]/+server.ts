import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { OgcError, item } from '$lib/server/ogc/features';
import { formatOf, htmlAnswer, jsonAnswer, ogcResponse } from '$lib/server/ogc/http';

/** GET /ogc/collections/<id>/items/<code>: one feature. */
export const GET: RequestHandler = ({ params, request, url }) =>
	ogcResponse(
		async () => {
			if (params.fid.length > 64) throw new OgcError(404, 'NotFound', 'No such feature.');
			const { collection, feature } = await item(await getDatabase(), params.id, params.fid);
			const self = `${url.origin}/ogc/collections/${collection.id}/items/${encodeURIComponent(feature.id)}`;
			if (formatOf(url, request) === 'html')
				return htmlAnswer(`${collection.title}: ${feature.id}`, [
					{ table: { head: ['Field', 'Value'], rows: collection.fields.map((f) => [f.name, feature.properties[f.name]]) } }
				]);
			return jsonAnswer(
				{
					...feature,
					links: [
						{ href: self, rel: 'self', type: 'application/geo+json' },
						{ href: `${self}?f=html`, rel: 'alternate', type: 'text/html' },
						{ href: `${url.origin}/ogc/collections/${collection.id}`, rel: 'collection', type: 'application/json' }
					]
				},
				'application/geo+json'
			);
		},
		request,
		url
	);
