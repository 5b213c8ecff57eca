import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/permissions';
import { saveTour } from '$lib/server/tours';
import { tourSchema } from '$lib/domain/tour-schema';
import { parseBody, writeResponse } from '$lib/server/http';

/** POST /api/console/tours: create a tour (staff and admin); the route is computed on the road network. */
export const POST: RequestHandler = ({ request, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		return saveTour(await getDatabase(), locals.user, null, await parseBody(request, tourSchema));
	}, locals.user);
