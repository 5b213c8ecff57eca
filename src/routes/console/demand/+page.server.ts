import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { pageData } from '$lib/server/http';
import { demandReport } from '$lib/server/pipeline/demand';
import { taxonomyLists } from '$lib/server/search/taxonomy';

/** What investors looked for over the last 12 weeks, and what they did not find (counts only). */
export const load = (({ locals }) =>
	pageData(async () => {
		const db = await getDatabase();
		const [report, taxonomy] = await Promise.all([demandReport(db, locals.user), taxonomyLists(db)]);
		return { report, industries: taxonomy.industries, chains: taxonomy.chains };
	})) satisfies PageServerLoad;
