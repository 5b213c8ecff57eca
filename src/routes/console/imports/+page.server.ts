import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { importHistory } from '$lib/server/import';
import { importableLayers } from '$lib/server/import/access';
import { parkChoices } from '$lib/server/editing/lists';

/** The Import page: the parks and layers the user may import into, and the import history. */
export const load = (async ({ locals }) => {
	const db = await getDatabase();
	const user = locals.user!;
	return { parks: await parkChoices(db, user), layers: importableLayers(user), history: await importHistory(db, user), role: user.role };
}) satisfies PageServerLoad;
