import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { readBuilding, requireRecordScope, updateBuilding } from '$lib/server/editing';
import { buildingEditSchema } from '$lib/domain/edit-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

export const PUT: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		const db = await getDatabase();
		await requireRecordScope(db, locals.user, 'building', params.code);
		return updateBuilding(db, locals.user, params.code, await parseBody(request, buildingEditSchema));
	}, locals.user);

/** GET /api/console/buildings/<code>: the editable state (with its version and units) for an editor of the park. */
export const GET: RequestHandler = ({ params, locals }) => writeResponse(async () => readBuilding(await getDatabase(), locals.user, params.code), locals.user);
