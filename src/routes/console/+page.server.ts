import type { PageServerLoad } from './$types';
import { sql } from 'drizzle-orm';
import { getDatabase } from '$lib/server/db';
import { consoleRecords, parkChoices } from '$lib/server/editing/lists';

export const load = (async ({ locals, url }) => {
	const q = (url.searchParams.get('q') ?? '').slice(0, 64);
	const db = await getDatabase();
	const [counts] = await db.rows<{ parks: number; industries: number; users: number }>(
		sql`select (select count(*) from parks)::int as parks, (select count(*) from industries)::int as industries, (select count(*) from users)::int as users`
	);
	return { q, counts, parks: await parkChoices(db, locals.user!), ...(await consoleRecords(db, locals.user!, q)) };
}) satisfies PageServerLoad;
