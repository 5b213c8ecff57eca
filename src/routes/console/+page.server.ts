import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { consoleRecords, parkChoices } from '$lib/server/editing/lists';
import { setupProgress } from '$lib/server/users/setup';

export const load = (async ({ locals, url }) => {
	const q = (url.searchParams.get('q') ?? '').slice(0, 64);
	const db = await getDatabase();
	return { q, counts: await setupProgress(db), parks: await parkChoices(db, locals.user!), ...(await consoleRecords(db, locals.user!, q)) };
}) satisfies PageServerLoad;
