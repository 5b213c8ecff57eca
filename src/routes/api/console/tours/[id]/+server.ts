import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { deleteTour, getTour, saveTour } from '$lib/server/tours';
import { tourUpdateSchema } from '$lib/domain/tour-schema';
import { NotFoundError } from '$lib/server/editing';
import { parseBody, writeResponse } from '$lib/server/http';

const idOf = (raw: string) => {
	if (!/^\d{1,9}$/.test(raw)) throw new NotFoundError(`No tour "${raw}".`);
	return Number(raw);
};

export const GET: RequestHandler = ({ params, locals }) => writeResponse(async () => getTour(await getDatabase(), locals.user, idOf(params.id)), locals.user);

/** PUT {version, ...tour}: a stale version gets 409. */
export const PUT: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		const body = await parseBody(request, tourUpdateSchema);
		return saveTour(await getDatabase(), locals.user, idOf(params.id), body, body.version);
	}, locals.user);

export const DELETE: RequestHandler = ({ params, locals }) =>
	writeResponse(async () => {
		await deleteTour(await getDatabase(), locals.user, idOf(params.id));
		return { deleted: true };
	}, locals.user);
