import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { restore } from '$lib/server/editing';
import { restoreSchema } from '$lib/domain/edit-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

export const POST: RequestHandler = ({ request, locals }) =>
	writeResponse(async () => {
		const r = await parseBody(request, restoreSchema);
		return restore(await getDatabase(), locals.user, r.entity, r.code, r.auditId, r.version);
	}, locals.user);
