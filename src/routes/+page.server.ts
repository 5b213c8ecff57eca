import type { PageServerLoad } from './$types';
import { getDatabase, readDatabase } from '$lib/server/db';
import { parseFinderQuery } from '$lib/domain/finder';
import { SearchInputError, findSites, type SearchResult } from '$lib/server/search';
import { taxonomyLists } from '$lib/server/search/taxonomy';
import { freshness } from '$lib/server/config';
import { recordSearch } from '$lib/server/pipeline/demand';
import { adviseEmpty, type EmptyAdvice } from '$lib/server/search/empty';

/** The map page runs the finder on the server from the URL: a shared link renders the same results. */
export const load = (async ({ url, locals }) => {
	const db = await readDatabase(locals);
	const { query, errors } = parseFinderQuery(url.searchParams);
	let results: SearchResult | null = null;
	let advice: EmptyAdvice[] = [];
	let searchErrors = errors;
	if (!errors.length) {
		try {
			results = await findSites(db, query);
			void recordSearch(await getDatabase(), query, results.total > 0);
			// Nothing fits: which criterion excluded the most, and the nearest alternative.
			if (results.total === 0) advice = await adviseEmpty(db, query);
		} catch (e) {
			if (!(e instanceof SearchInputError)) throw e;
			searchErrors = e.errors;
		}
	}
	return { query, results, advice, searchErrors, taxonomy: await taxonomyLists(db), hideAfterDays: freshness().hideAfterDays };
}) satisfies PageServerLoad;
