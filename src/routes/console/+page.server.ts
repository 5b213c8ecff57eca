import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { consoleRecords } from '$lib/server/editing/lists';

export const load = (async ({ locals, url }) => {
	const q = (url.searchParams.get('q') ?? '').slice(0, 64);
	return { q, ...(await consoleRecords(await getDatabase(), locals.user!, q)) };
}) satisfies PageServerLoad;
