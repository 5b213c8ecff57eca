import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { readPlot, requireRecordScope, updatePlot } from '$lib/server/editing';
import { plotEditSchema } from '$lib/domain/edit-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

/** PUT /api/console/plots/<code>: attributes and supply status; 409 when `version` is stale. */
export const PUT: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		const db = await getDatabase();
		await requireRecordScope(db, locals.user, 'plot', params.code);
		return updatePlot(db, locals.user, params.code, await parseBody(request, plotEditSchema));
	}, locals.user);

/** GET /api/console/plots/<code>: the editable state (with its version) for an editor of the park. */
export const GET: RequestHandler = ({ params, locals }) => writeResponse(async () => readPlot(await getDatabase(), locals.user, params.code), locals.user);
