import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { isAdmin } from '$lib/server/auth/permissions';
import { targetsOf } from '$lib/server/targets';
import { targetYearParam } from '$lib/server/targets/http';
import { EditValidationError } from '$lib/server/editing/errors';

/** Targets per park and year: administrators only. */
export const load = (async ({ locals, url }) => {
	if (!isAdmin(locals.user)) error(403, { message: 'Only administrators set targets.' });
	let year: number;
	try {
		year = targetYearParam(url.searchParams.get('year'));
	} catch (e) {
		if (e instanceof EditValidationError) error(400, { message: e.message });
		throw e;
	}
	return { targets: await targetsOf(await getDatabase(), locals.user, year) };
}) satisfies PageServerLoad;
