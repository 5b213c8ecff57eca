import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { deletePhoto } from '$lib/server/photos';
import { NotFoundError } from '$lib/server/editing';
import { writeResponse } from '$lib/server/http';

export const DELETE: RequestHandler = ({ params, locals }) =>
	writeResponse(async () => {
		if (!/^\d{1,9}$/.test(params.id)) throw new NotFoundError('No such photo.');
		await deletePhoto(await getDatabase(), locals.user, Number(params.id));
		return { deleted: true };
	}, locals.user);
