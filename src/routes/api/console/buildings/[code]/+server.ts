import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { updateBuilding } from '$lib/server/editing';
import { buildingEditSchema } from '$lib/domain/edit-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

export const PUT: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => updateBuilding(await getDatabase(), locals.user, params.code, await parseBody(request, buildingEditSchema)));
