import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { isAdmin } from '$lib/server/auth/permissions';
import { taxonomyTree } from '$lib/server/taxonomy';

/** The industry taxonomy: administrators only. */
export const load = (async ({ locals }) => {
	if (!isAdmin(locals.user)) error(403, { message: 'Only administrators manage the industry taxonomy.' });
	return { tree: await taxonomyTree(await getDatabase(), locals.user) };
}) satisfies PageServerLoad;
