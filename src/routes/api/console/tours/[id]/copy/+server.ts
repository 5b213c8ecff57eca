import { z } from 'zod';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/permissions';
import { copyTour, tourIdOf } from '$lib/server/tours';
import { parseBody, writeResponse } from '$lib/server/http';

/** POST {title}: a new tour with the same delegation, stops and times (not shared). */
export const POST: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		const { title } = await parseBody(request, z.object({ title: z.string().trim().min(1).max(200) }));
		return copyTour(await getDatabase(), locals.user, tourIdOf(params.id), title);
	}, locals.user);
