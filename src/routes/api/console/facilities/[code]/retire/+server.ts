import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { setFacilityRetired } from '$lib/server/facilities';
import { requireStaff } from '$lib/server/auth/permissions';
import { retireChangeSchema } from '$lib/domain/retire';
import { parseBody, writeResponse } from '$lib/server/http';

/** POST /api/console/facilities/<code>/retire {version, retired}: retire a facility or bring it back. */
export const POST: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		const { version, retired } = await parseBody(request, retireChangeSchema);
		return setFacilityRetired(await getDatabase(), locals.user, params.code, version, retired);
	}, locals.user);
