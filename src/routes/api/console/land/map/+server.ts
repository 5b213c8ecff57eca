import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { caseMap } from '$lib/server/land/board';
import { targetYearParam } from '$lib/server/targets/http';
import { writeResponse } from '$lib/server/http';

/** GET /api/console/land/map?year=: the cases' plots as GeoJSON, with their stage (suspected, confirmed, disposing, disposed). */
export const GET: RequestHandler = ({ url, locals }) =>
	writeResponse(async () => caseMap(await getDatabase(), locals.user, targetYearParam(url.searchParams.get('year'))), locals.user);
