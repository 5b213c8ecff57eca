import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { canPlanTours } from '$lib/server/auth/permissions';
import { roadSummary } from '$lib/server/roads';

/** The road network: promotion staff and administrators. */
export const load = (async ({ locals }) => {
	if (!locals.user || !canPlanTours(locals.user)) error(403, { message: 'Only promotion staff and administrators edit the road network.' });
	return { classes: await roadSummary(await getDatabase(), locals.user) };
}) satisfies PageServerLoad;
