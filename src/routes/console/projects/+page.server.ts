import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { parseQuery, pageData } from '$lib/server/http';
import { pipelineFilterSchema } from '$lib/domain/pipeline-schemas';
import { listPipeline, warningRules } from '$lib/server/pipeline/projects';
import { parkChoices } from '$lib/server/editing/lists';
import { taxonomyLists } from '$lib/server/search/taxonomy';

/** The project pipeline: staff see every project, park editors their parks'. */
export const load = (({ locals, url }) =>
	pageData(async () => {
		const filters = parseQuery(url, pipelineFilterSchema);
		const db = await getDatabase();
		const [list, parks, taxonomy, rules] = await Promise.all([
			listPipeline(db, locals.user, filters),
			parkChoices(db, locals.user!),
			taxonomyLists(db),
			warningRules(db)
		]);
		return { filters, list, parks, chains: taxonomy.chains, rules };
	})) satisfies PageServerLoad;
