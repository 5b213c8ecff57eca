import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { parseFinderQuery } from '$lib/domain/finder';
import { SearchInputError, findSites, type SearchResult } from '$lib/server/search';
import { taxonomyLists } from '$lib/server/search/taxonomy';
import { freshness } from '$lib/server/config';
import { recordSearch } from '$lib/server/pipeline/demand';

/** The map page runs the finder on the server from the URL: a shared link renders the same results. */
export const load = (async ({ url }) => {
	const db = await getDatabase();
	const { query, errors } = parseFinderQuery(url.searchParams);
	let results: SearchResult | null = null;
	let searchErrors = errors;
	if (!errors.length) {
		try {
			results = await findSites(db, query);
			void recordSearch(db, query, results.total > 0);
		} catch (e) {
			if (!(e instanceof SearchInputError)) throw e;
			searchErrors = e.errors;
		}
	}
	return { query, results, searchErrors, taxonomy: await taxonomyLists(db), hideAfterDays: freshness().hideAfterDays };
}) satisfies PageServerLoad;
