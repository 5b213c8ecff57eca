import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { readLandFacts, saveLandFacts } from '$lib/server/land/facts';
import { requireRecordScope } from '$lib/server/editing';
import { landFactsSchema } from '$lib/domain/ledger-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

/** GET /api/console/plots/<code>/land-facts: the plot's supervision facts (contract, start, built and invested shares, stop, price). */
export const GET: RequestHandler = ({ params, locals }) => writeResponse(async () => readLandFacts(await getDatabase(), locals.user, params.code), locals.user);

/** PUT /api/console/plots/<code>/land-facts: saves them (audited) and runs the legal test for the plot; 409 when stale. */
export const PUT: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		const db = await getDatabase();
		await requireRecordScope(db, locals.user, 'plot', params.code);
		return saveLandFacts(db, locals.user, params.code, await parseBody(request, landFactsSchema));
	}, locals.user);
