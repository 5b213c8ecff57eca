import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { targetsOf } from '$lib/server/targets';
import { writeResponse } from '$lib/server/http';
import { targetYearParam } from '$lib/server/targets/http';

/** GET /api/console/targets?year=2026: every park's targets for the year and the zone's sum (administrators). */
export const GET: RequestHandler = ({ url, locals }) =>
	writeResponse(async () => targetsOf(await getDatabase(), locals.user, targetYearParam(url.searchParams.get('year'))), locals.user);
