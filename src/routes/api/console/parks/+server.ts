import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { createPark, listParks } from '$lib/server/parks';
import { requireAdmin } from '$lib/server/auth/permissions';
import { parkCreateSchema } from '$lib/domain/admin-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

/** GET /api/console/parks: every park (administrators). */
export const GET: RequestHandler = ({ locals }) => writeResponse(async () => ({ parks: await listParks(await getDatabase(), locals.user) }), locals.user);

/** POST /api/console/parks: a new park with its boundary (inside its parent, for a park within a park). */
export const POST: RequestHandler = ({ request, locals }) =>
	writeResponse(async () => {
		requireAdmin(locals.user);
		return createPark(await getDatabase(), locals.user, await parseBody(request, parkCreateSchema));
	}, locals.user);
