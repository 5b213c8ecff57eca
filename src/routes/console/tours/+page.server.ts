import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { listTours } from '$lib/server/tours';
import { canPlanTours } from '$lib/server/auth/permissions';

export const load = (async ({ locals }) => {
	if (!canPlanTours(locals.user!)) error(403, { message: 'Only promotion staff and administrators plan tours.' });
	return { tours: await listTours(await getDatabase(), locals.user) };
}) satisfies PageServerLoad;
