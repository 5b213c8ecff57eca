import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { demandReport } from '$lib/server/pipeline/demand';
import { writeResponse } from '$lib/server/http';

/** GET /api/console/demand: what investors looked for over the last 12 weeks (counts only; staff). */
export const GET: RequestHandler = ({ locals }) => writeResponse(async () => demandReport(await getDatabase(), locals.user), locals.user);
