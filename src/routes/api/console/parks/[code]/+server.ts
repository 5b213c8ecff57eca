import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { readPark, updatePark } from '$lib/server/parks';
import { requireAdmin } from '$lib/server/auth/permissions';
import { parkEditSchema } from '$lib/domain/admin-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

/** GET /api/console/parks/<code>: the park's editable state with its version. */
export const GET: RequestHandler = ({ params, locals }) => writeResponse(async () => readPark(await getDatabase(), locals.user, params.code), locals.user);

/** PATCH /api/console/parks/<code>: attributes, positioning and (optionally) the boundary; refused naming the records it would leave outside. */
export const PATCH: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireAdmin(locals.user);
		const db = await getDatabase();
		await readPark(db, locals.user, params.code);
		return updatePark(db, locals.user, params.code, await parseBody(request, parkEditSchema));
	}, locals.user);
