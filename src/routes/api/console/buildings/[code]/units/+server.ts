import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { requireRecordScope, updateUnits } from '$lib/server/editing';
import { unitsEditSchema } from '$lib/domain/edit-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

export const PUT: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		const db = await getDatabase();
		await requireRecordScope(db, locals.user, 'building', params.code);
		const { version, units } = await parseBody(request, unitsEditSchema);
		return updateUnits(db, locals.user, params.code, version, units);
	}, locals.user);
