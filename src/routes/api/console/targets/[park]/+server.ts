import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { saveTargets } from '$lib/server/targets';
import { requireAdmin } from '$lib/server/auth/permissions';
import { targetSchema } from '$lib/domain/admin-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

/** PUT /api/console/targets/<park> {year, targetMu, …}: the park's targets for a year (null unsets one). */
export const PUT: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireAdmin(locals.user);
		return saveTargets(await getDatabase(), locals.user, params.park, await parseBody(request, targetSchema));
	}, locals.user);
