import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { canPlanTours } from '$lib/server/auth/permissions';
import { listFacilities } from '$lib/server/facilities';

/** Facilities: promotion staff and administrators. */
export const load = (async ({ locals }) => {
	if (!locals.user || !canPlanTours(locals.user)) error(403, { message: 'Only promotion staff and administrators manage facilities.' });
	return { facilities: await listFacilities(await getDatabase(), locals.user) };
}) satisfies PageServerLoad;
