import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/permissions';
import { deleteTour, getTour, saveTour, tourIdOf } from '$lib/server/tours';
import { tourUpdateSchema } from '$lib/domain/tour-schema';
import { parseBody, writeResponse } from '$lib/server/http';

export const GET: RequestHandler = ({ params, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		return getTour(await getDatabase(), locals.user, tourIdOf(params.id));
	}, locals.user);

/** PUT {version, ...tour}: a stale version gets 409. */
export const PUT: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		const body = await parseBody(request, tourUpdateSchema);
		return saveTour(await getDatabase(), locals.user, tourIdOf(params.id), body, body.version);
	}, locals.user);

export const DELETE: RequestHandler = ({ params, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		await deleteTour(await getDatabase(), locals.user, tourIdOf(params.id));
		return { deleted: true };
	}, locals.user);
