import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { allowedActions, caseHistory, readCase, requireCaseScope, takeCaseAction } from '$lib/server/land/cases';
import { caseActionSchema, caseIdSchema } from '$lib/domain/ledger-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

/** GET /api/console/land/cases/<id>: the case, its history and the steps the user may take. */
export const GET: RequestHandler = ({ params, locals }) =>
	writeResponse(async () => {
		const db = await getDatabase();
		const c = await readCase(db, locals.user, caseIdSchema.parse(params.id));
		return { case: c, history: await caseHistory(db, c.id), actions: allowedActions(locals.user!, c) };
	}, locals.user);

/** POST /api/console/land/cases/<id>: one step ({action: investigate|confirm|dismiss|dispose|complete, version, …}); 409 when stale. */
export const POST: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		const db = await getDatabase();
		const id = caseIdSchema.parse(params.id);
		await requireCaseScope(db, locals.user, id);
		return takeCaseAction(db, locals.user, id, await parseBody(request, caseActionSchema));
	}, locals.user);
