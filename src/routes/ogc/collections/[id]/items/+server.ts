import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { collectionById } from '$lib/server/ogc/collections';
import { itemsLinks } from '$lib/server/ogc/documents';
import { OgcError, items, parseItemsRequest } from '$lib/server/ogc/features';
import { supportedCrs, zoneCentreLon } from '$lib/server/ogc/crs';
import { formatOf, htmlAnswer, jsonAnswer, ogcResponse } from '$lib/server/ogc/http';

/**
 * GET /ogc/collections/<id>/items?bbox=&bbox-crs=&crs=&limit=&offset=&<queryable>=: a page of
 * features with numberMatched, numberReturned and next links, in the CRS asked for (Content-Crs).
 */
export const GET: RequestHandler = ({ params, request, url }) =>
	ogcResponse(
		async () => {
			const c = collectionById(params.id);
			if (!c) throw new OgcError(404, 'NotFound', `No collection "${params.id}".`);
			const format = formatOf(url, request);
			const db = await getDatabase();
			const r = parseItemsRequest(c, url.searchParams, supportedCrs(await zoneCentreLon(db)));
			const page = await items(db, c.id, r);
			const links = itemsLinks(url, `${url.origin}/ogc/collections/${c.id}`, r, page.features.length, page.numberMatched);
			if (format === 'html')
				return htmlAnswer(`${c.title}: ${page.numberMatched} features`, [
					{
						table: { head: ['id', ...c.fields.map((f) => f.name)], rows: page.features.map((f) => [f.id, ...c.fields.map((x) => f.properties[x.name])]) },
						links: links
							.filter((l) => l.rel === 'next' || l.rel === 'prev')
							.map((l) => ({ href: l.href.replace(/([?&])f=[^&]*/, '$1f=html'), label: l.title ?? l.rel }))
					}
				]);
			return jsonAnswer(
				{
					type: 'FeatureCollection',
					timeStamp: new Date().toISOString(),
					numberMatched: page.numberMatched,
					numberReturned: page.features.length,
					features: page.features,
					links
				},
				'application/geo+json',
				{ 'content-crs': `<${r.crs.uri}>` }
			);
		},
		request,
		url
	);
