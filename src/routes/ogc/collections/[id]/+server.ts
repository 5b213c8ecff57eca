import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { collectionById } from '$lib/server/ogc/collections';
import { collectionDoc } from '$lib/server/ogc/documents';
import { OgcError } from '$lib/server/ogc/features';
import { formatOf, htmlAnswer, jsonAnswer, ogcResponse } from '$lib/server/ogc/http';

/** GET /ogc/collections/<id>: one collection, its extent and links. */
export const GET: RequestHandler = ({ params, request, url }) =>
	ogcResponse(
		async () => {
			const c = collectionById(params.id);
			if (!c) throw new OgcError(404, 'NotFound', `No collection "${params.id}".`);
			const doc = await collectionDoc(await getDatabase(), url.origin, c);
			if (formatOf(url, request) === 'html')
				return htmlAnswer(c.title, [
					{ text: c.description, links: [{ href: `${url.origin}/ogc/collections/${c.id}/items?f=html`, label: 'Features' }] },
					{ heading: 'Fields', table: { head: ['Field', 'Type', 'Meaning'], rows: c.fields.map((f) => [f.name, f.type, f.title]) } },
					{ heading: 'Filters', table: { head: ['Parameter', 'Type', 'Meaning'], rows: c.queryables.map((q) => [q.name, q.type, q.title]) } }
				]);
			return jsonAnswer(doc);
		},
		request,
		url
	);
