import type { RequestHandler } from './$types';
import { conformance } from '$lib/server/ogc/documents';
import { formatOf, htmlAnswer, jsonAnswer, ogcResponse } from '$lib/server/ogc/http';

/** GET /ogc/conformance: only the conformance classes that are implemented. */
export const GET: RequestHandler = ({ request, url }) =>
	ogcResponse(
		async () =>
			formatOf(url, request) === 'html'
				? htmlAnswer('Conformance', [{ links: conformance().conformsTo.map((c) => ({ href: c, label: c })) }])
				: jsonAnswer(conformance()),
		request,
		url
	);
