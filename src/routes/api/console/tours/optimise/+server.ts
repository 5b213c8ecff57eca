import { z } from 'zod';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/permissions';
import { optimiseTour } from '$lib/server/tours/graph';
import { MAX_OPTIMISED_STOPS } from '$lib/domain/tour-order';
import { lonLat } from '$lib/geo/geometry-schema';
import { parseBody, writeResponse } from '$lib/server/http';

const body = z.object({
	locations: z.array(lonLat).min(2).max(MAX_OPTIMISED_STOPS, `At most ${MAX_OPTIMISED_STOPS} stops can be optimised at once.`)
});

/** POST /api/console/tours/optimise {locations}: the order with least driving time, first and last kept. */
export const POST: RequestHandler = ({ request, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		const { locations } = await parseBody(request, body);
		return optimiseTour(await getDatabase(), locations);
	}, locals.user);
