import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { parseFinderQuery } from '$lib/domain/finder';
import { SearchInputError, findSites } from '$lib/server/search';
import { badRequest } from '$lib/server/http';
import { recordSearch } from '$lib/server/pipeline/demand';

/** GET /api/search?industry=…&areaMin=…: ranked sites with reasons (see lib/domain/finder for the parameters). */
export const GET: RequestHandler = async ({ url }) => {
	const { query, errors } = parseFinderQuery(url.searchParams);
	if (errors.length) return badRequest(errors);
	try {
		const db = await getDatabase();
		const result = await findSites(db, query);
		void recordSearch(db, query, result.total > 0);
		return json(result, { headers: { 'cache-control': 'no-cache' } });
	} catch (e) {
		if (e instanceof SearchInputError) return badRequest(e.errors);
		throw e;
	}
};
