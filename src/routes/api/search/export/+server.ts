import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { parseFinderQuery } from '$lib/domain/finder';
import { SearchInputError } from '$lib/server/search';
import { badRequest, guardedResponse } from '$lib/server/http';
import { finderExport } from '$lib/server/export/public';

/** GET /api/search/export?<the finder's parameters>&format=…: every result of the search (not one page), ranked, as a file. */
export const GET: RequestHandler = ({ url, locals }) =>
	guardedResponse(async () => {
		const params = new URLSearchParams(url.searchParams);
		params.delete('format');
		params.delete('encoding');
		const { query, errors } = parseFinderQuery(params);
		if (errors.length) return badRequest(errors);
		try {
			return await finderExport(await getDatabase(), query, url, locals.locale);
		} catch (e) {
			if (e instanceof SearchInputError) return badRequest(e.errors);
			throw e;
		}
	});
