import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { listUsers } from '$lib/server/users';
import { isAdmin } from '$lib/server/auth/permissions';
import { parkChoices } from '$lib/server/editing/lists';

/** The users page: administrators only. */
export const load = (async ({ locals }) => {
	if (!isAdmin(locals.user)) error(403, { message: 'Only administrators manage users.' });
	const db = await getDatabase();
	return { users: await listUsers(db, locals.user), parks: await parkChoices(db), me: locals.user!.id };
}) satisfies PageServerLoad;
