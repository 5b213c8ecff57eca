import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { createBuilding, requireParkScope } from '$lib/server/editing/lifecycle';
import { buildingCreateSchema } from '$lib/domain/edit-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

/** POST /api/console/buildings?park=<code>: a new building drawn on the map (valid, inside the park, no overlap). */
export const POST: RequestHandler = ({ request, url, locals }) =>
	writeResponse(async () => {
		const db = await getDatabase();
		const park = url.searchParams.get('park');
		await requireParkScope(db, locals.user, park);
		return createBuilding(db, locals.user, park!, await parseBody(request, buildingCreateSchema));
	}, locals.user);
