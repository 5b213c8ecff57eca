import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase, readDatabase } from '$lib/server/db';
import { parseFinderQuery } from '$lib/domain/finder';
import { SearchInputError, findSites } from '$lib/server/search';
import { badRequest } from '$lib/server/http';
import { recordSearch } from '$lib/server/pipeline/demand';
import { adviseEmpty } from '$lib/server/search/empty';

/** GET /api/search?industry=…&areaMin=…: ranked sites with reasons (see lib/domain/finder for the parameters); when none, `advice`: what relaxing each criterion finds. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const { query, errors } = parseFinderQuery(url.searchParams);
	if (errors.length) return badRequest(errors);
	try {
		const db = await readDatabase(locals);
		const result = await findSites(db, query);
		void recordSearch(await getDatabase(), query, result.total > 0);
		// Nothing fits: what each relaxed criterion would find (the finder offers the best ones).
		const advice = result.total === 0 ? await adviseEmpty(db, query) : [];
		return json({ ...result, advice }, { headers: { 'cache-control': 'no-cache' } });
	} catch (e) {
		if (e instanceof SearchInputError) return badRequest(e.errors);
		throw e;
	}
};
