import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { isAdmin } from '$lib/server/auth/permissions';
import { targetsOf } from '$lib/server/targets';
import { targetYearParam } from '$lib/server/targets/http';
import { pageData } from '$lib/server/http';

/** Targets per park and year: administrators only. */
export const load = (async ({ locals, url }) => {
	if (!isAdmin(locals.user)) error(403, { message: 'Only administrators set targets.' });
	return pageData(async () => ({ targets: await targetsOf(await getDatabase(), locals.user, targetYearParam(url.searchParams.get('year'))) }));
}) satisfies PageServerLoad;
