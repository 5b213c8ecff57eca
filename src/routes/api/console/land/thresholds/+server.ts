import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { readThresholds, saveThresholds } from '$lib/server/land/thresholds';
import { requireAdmin } from '$lib/server/auth/permissions';
import { thresholdsSchema } from '$lib/domain/ledger-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

/** GET /api/console/land/thresholds: the zone's and each park's low-efficiency thresholds (administrators). */
export const GET: RequestHandler = ({ locals }) =>
	writeResponse(async () => {
		requireAdmin(locals.user);
		return readThresholds(await getDatabase());
	}, locals.user);

/** PUT /api/console/land/thresholds: sets them and runs the test over the zone in the same transaction. */
export const PUT: RequestHandler = ({ request, locals }) =>
	writeResponse(async () => {
		requireAdmin(locals.user, 'Only administrators set the low-efficiency thresholds.');
		return saveThresholds(await getDatabase(), locals.user, await parseBody(request, thresholdsSchema));
	}, locals.user);
