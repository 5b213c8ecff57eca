import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { requireRecordScope } from '$lib/server/editing';
import { reinstateRecord, retireRecord } from '$lib/server/editing/lifecycle';
import { retireChangeSchema } from '$lib/domain/retire';
import { parseBody, writeResponse } from '$lib/server/http';

/** POST /api/console/plots/<code>/retire {version, retired}: retire the plot (kept, off the public map) or bring it back. */
export const POST: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		const db = await getDatabase();
		await requireRecordScope(db, locals.user, 'plot', params.code);
		const { version, retired } = await parseBody(request, retireChangeSchema);
		return retired ? retireRecord(db, locals.user, 'plot', params.code, version) : reinstateRecord(db, locals.user, 'plot', params.code, version);
	}, locals.user);
