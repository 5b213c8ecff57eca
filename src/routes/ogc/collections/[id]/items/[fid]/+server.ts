import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { OgcError, crsParam, item } from '$lib/server/ogc/features';
import { supportedCrs, zoneCentreLon } from '$lib/server/ogc/crs';
import { formatOf, htmlAnswer, jsonAnswer, ogcResponse } from '$lib/server/ogc/http';

/** GET /ogc/collections/<id>/items/<code>?crs=: one feature, in the CRS asked for (Content-Crs). */
export const GET: RequestHandler = ({ params, request, url }) =>
	ogcResponse(
		async () => {
			if (params.fid.length > 64) throw new OgcError(404, 'NotFound', 'No such feature.');
			const db = await getDatabase();
			const crs = crsParam(url.searchParams, 'crs', supportedCrs(await zoneCentreLon(db)));
			const { collection, feature } = await item(db, params.id, params.fid, crs);
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
				'application/geo+json',
				{ 'content-crs': `<${crs.uri}>` }
			);
		},
		request,
		url
	);
