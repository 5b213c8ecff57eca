import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { isAdmin } from '$lib/server/auth/permissions';
import { listParks } from '$lib/server/parks';

/** The parks list: administrators only. */
export const load = (async ({ locals }) => {
	if (!isAdmin(locals.user)) error(403, { message: 'Only administrators manage parks.' });
	return { parks: await listParks(await getDatabase(), locals.user) };
}) satisfies PageServerLoad;
