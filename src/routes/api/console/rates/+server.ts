import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { ratesFilterSchema } from '$lib/domain/pipeline-schemas';
import { pipelineRates } from '$lib/server/pipeline/rates';
import { parseQuery, writeResponse } from '$lib/server/http';

/** GET /api/console/rates?year=: the year's signed projects and their rates, for the zone, per park and chain, against the targets. */
export const GET: RequestHandler = ({ url, locals }) =>
	writeResponse(async () => pipelineRates(await getDatabase(), locals.user, parseQuery(url, ratesFilterSchema).year), locals.user);
