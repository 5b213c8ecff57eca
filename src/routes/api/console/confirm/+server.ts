import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { confirmRecords } from '$lib/server/editing';
import { confirmSchema } from '$lib/domain/edit-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

/** POST /api/console/confirm {items: [{kind, code}]}: "still accurate", one audit entry each. */
export const POST: RequestHandler = ({ request, locals }) =>
	writeResponse(
		async () => ({ confirmed: await confirmRecords(await getDatabase(), locals.user, (await parseBody(request, confirmSchema)).items) }),
		locals.user
	);
