import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { isAdmin } from '$lib/server/auth/permissions';
import { parkFormChoices } from '$lib/server/parks/page';

/** A new park: administrators only. */
export const load = (async ({ locals }) => {
	if (!isAdmin(locals.user)) error(403, { message: 'Only administrators manage parks.' });
	return await parkFormChoices(await getDatabase());
}) satisfies PageServerLoad;
