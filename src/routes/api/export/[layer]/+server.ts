import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { guardedResponse } from '$lib/server/http';
import { publicExport } from '$lib/server/export/public';

/**
 * GET /api/export/<plots|buildings|parks|facilities>?park=<code>&format=…&encoding=…: the published
 * records (public fields only) of the zone or of one park, as a file. Open to every origin.
 */
export const GET: RequestHandler = ({ params, url, locals }) =>
	guardedResponse(async () => publicExport(await getDatabase(), params.layer, url, locals.locale));
