import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { updateFacility } from '$lib/server/facilities';
import { requireStaff } from '$lib/server/auth/permissions';
import { facilityEditSchema } from '$lib/domain/admin-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

/** PATCH /api/console/facilities/<code>: names, kind, place, published; 409 when `version` is stale. */
export const PATCH: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		return updateFacility(await getDatabase(), locals.user, params.code, await parseBody(request, facilityEditSchema));
	}, locals.user);
