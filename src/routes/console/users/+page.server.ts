import { error } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { listUsers } from '$lib/server/users';

/** The users page: administrators only. */
export const load = (async ({ locals }) => {
	if (locals.user?.role !== 'admin') error(403, { message: 'Only administrators manage users.' });
	const db = await getDatabase();
	const parks = await db.rows<{ code: string; name_zh: string; name_en: string }>(sql`select code, name_zh, name_en from parks order by code`);
	return { users: await listUsers(db, locals.user), parks: parks.map((p) => ({ code: p.code, nameZh: p.name_zh, nameEn: p.name_en })), me: locals.user.id };
}) satisfies PageServerLoad;
