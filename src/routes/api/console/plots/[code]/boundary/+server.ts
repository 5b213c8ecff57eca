import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { requireRecordScope, updatePlotBoundary } from '$lib/server/editing';
import { boundaryEditSchema } from '$lib/domain/edit-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

/** PUT /api/console/plots/<code>/boundary {version, geometry}: checked, then stored with its new area. */
export const PUT: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		const db = await getDatabase();
		await requireRecordScope(db, locals.user, 'plot', params.code);
		const { version, geometry } = await parseBody(request, boundaryEditSchema);
		return updatePlotBoundary(db, locals.user, params.code, version, geometry);
	}, locals.user);
