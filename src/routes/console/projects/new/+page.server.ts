import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { parkChoices } from '$lib/server/editing/lists';
import { taxonomyLists } from '$lib/server/search/taxonomy';

/** A new project's form: the parks the user may add projects to, and the chains' links. */
export const load = (async ({ locals }) => {
	const db = await getDatabase();
	const [parks, taxonomy] = await Promise.all([parkChoices(db, locals.user!), taxonomyLists(db)]);
	return { parks, chains: taxonomy.chains, links: taxonomy.links, staff: locals.user!.role !== 'park_editor' };
}) satisfies PageServerLoad;
