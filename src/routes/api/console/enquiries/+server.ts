import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { inboxFilterSchema } from '$lib/domain/pipeline-schemas';
import { listInbox } from '$lib/server/pipeline/inbox';
import { listMatches } from '$lib/server/pipeline/matches';
import { parseQuery, writeResponse } from '$lib/server/http';

/** GET /api/console/enquiries?view=enquiries|matches&status=&park=&flag=late&mine=1&q=&page=: the inbox (staff: all; editors: their parks'). */
export const GET: RequestHandler = ({ url, locals }) =>
	writeResponse(async () => {
		const f = parseQuery(url, inboxFilterSchema);
		const db = await getDatabase();
		return f.view === 'matches' ? listMatches(db, locals.user, f) : listInbox(db, locals.user, f);
	}, locals.user);
