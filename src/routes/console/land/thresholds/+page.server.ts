import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { isAdmin } from '$lib/server/auth/permissions';
import { readThresholds } from '$lib/server/land/thresholds';

/** Low-efficiency thresholds: administrators. */
export const load = (async ({ locals }) => {
	if (!isAdmin(locals.user)) error(403, { message: 'Only administrators set the low-efficiency thresholds.' });
	return { thresholds: await readThresholds(await getDatabase()) };
}) satisfies PageServerLoad;
