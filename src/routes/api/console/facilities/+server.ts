import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { createFacility, listFacilities } from '$lib/server/facilities';
import { requireStaff } from '$lib/server/auth/permissions';
import { facilityCreateSchema } from '$lib/domain/admin-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

/** GET /api/console/facilities: every facility, retired ones too (staff and administrators). */
export const GET: RequestHandler = ({ locals }) =>
	writeResponse(async () => ({ facilities: await listFacilities(await getDatabase(), locals.user) }), locals.user);

/** POST /api/console/facilities: a new facility at a point. */
export const POST: RequestHandler = ({ request, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		return createFacility(await getDatabase(), locals.user, await parseBody(request, facilityCreateSchema));
	}, locals.user);
