import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { collectionsDoc } from '$lib/server/ogc/documents';
import { formatOf, htmlAnswer, jsonAnswer, ogcResponse } from '$lib/server/ogc/http';

/** GET /ogc/collections: parks, plots, buildings, facilities, each with its extent. */
export const GET: RequestHandler = ({ request, url }) =>
	ogcResponse(
		async () => {
			const doc = await collectionsDoc(await getDatabase(), url.origin);
			if (formatOf(url, request) === 'html')
				return htmlAnswer('Collections', [
					{ links: doc.collections.map((c) => ({ href: `${url.origin}/ogc/collections/${c.id}?f=html`, label: `${c.title} — ${c.description}` })) }
				]);
			return jsonAnswer(doc);
		},
		request,
		url
	);
