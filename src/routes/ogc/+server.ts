import type { RequestHandler } from './$types';
import { landing } from '$lib/server/ogc/documents';
import { formatOf, htmlAnswer, jsonAnswer, ogcResponse } from '$lib/server/ogc/http';

/** GET /ogc: the OGC API – Features landing page (JSON, or HTML with f=html). */
export const GET: RequestHandler = ({ request, url }) =>
	ogcResponse(
		async () => {
			const doc = landing(url.origin, 'SiteAtlas OGC API – Features');
			if (formatOf(url, request) === 'html')
				return htmlAnswer(doc.title, [
					{ text: doc.description, links: doc.links.filter((l) => l.rel !== 'alternate').map((l) => ({ href: l.href, label: l.title ?? l.rel })) }
				]);
			return jsonAnswer(doc);
		},
		request,
		url
	);
