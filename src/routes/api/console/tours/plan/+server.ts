import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/permissions';
import { planTour } from '$lib/server/tours/graph';
import { tourPlanSchema } from '$lib/domain/tour-schema';
import { parseBody, writeResponse } from '$lib/server/http';

/** POST /api/console/tours/plan: the route and timetable of an unsaved tour, or 400 naming the stop that cannot be reached. */
export const POST: RequestHandler = ({ request, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		return planTour(await getDatabase(), await parseBody(request, tourPlanSchema));
	}, locals.user);
