import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { parseQuery, pageData } from '$lib/server/http';
import { pipelineFilterSchema } from '$lib/domain/pipeline-schemas';
import { pipelineProjects } from '$lib/server/pipeline/projects';
import { parkChoices } from '$lib/server/editing/lists';
import { taxonomyLists } from '$lib/server/search/taxonomy';

/** 挂图作战: the filtered projects on the map, by stage, with their cards. */
export const load = (({ locals, url }) =>
	pageData(async () => {
		const filters = parseQuery(url, pipelineFilterSchema);
		const db = await getDatabase();
		const [projects, parks, taxonomy] = await Promise.all([pipelineProjects(db, locals.user, filters), parkChoices(db, locals.user!), taxonomyLists(db)]);
		return { filters, projects, parks, chains: taxonomy.chains };
	})) satisfies PageServerLoad;
