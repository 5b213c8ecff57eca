import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { idParam } from '$lib/domain/input';
import { enquiryActionSchema } from '$lib/domain/pipeline-schemas';
import { enquiryActions, enquiryHistory, readEnquiry, takeEnquiryAction } from '$lib/server/pipeline/inbox';
import { parseBody, writeResponse } from '$lib/server/http';

/** GET /api/console/enquiries/<id>: the enquiry, its history and what may be done with it. */
export const GET: RequestHandler = ({ params, locals }) =>
	writeResponse(async () => {
		const db = await getDatabase();
		const e = await readEnquiry(db, locals.user, idParam.parse(params.id));
		return { enquiry: e, history: await enquiryHistory(db, e.id), ...enquiryActions(e) };
	}, locals.user);

/** POST /api/console/enquiries/<id>: one step ({action: move|assign|note|message|project, version, …}); 409 when stale. */
export const POST: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		const db = await getDatabase();
		const id = idParam.parse(params.id);
		await readEnquiry(db, locals.user, id);
		return takeEnquiryAction(db, locals.user, id, await parseBody(request, enquiryActionSchema));
	}, locals.user);
