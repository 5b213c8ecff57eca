import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { createRoad, roadSummary } from '$lib/server/roads';
import { requireStaff } from '$lib/server/auth/permissions';
import { roadSchema } from '$lib/domain/admin-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

/** GET /api/console/roads: the network's size by class (the roads themselves are in the tiles). */
export const GET: RequestHandler = ({ locals }) => writeResponse(async () => ({ classes: await roadSummary(await getDatabase(), locals.user) }), locals.user);

/** POST /api/console/roads: a new road; the tour router uses it from the next plan. */
export const POST: RequestHandler = ({ request, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		return createRoad(await getDatabase(), locals.user, await parseBody(request, roadSchema));
	}, locals.user);
