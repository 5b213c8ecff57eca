import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { boardOf } from '$lib/server/land/board';
import { boardFilters } from '$lib/server/land/http';
import { writeResponse } from '$lib/server/http';

/** GET /api/console/land?year=&park=&stage=&kind=&due=&q=&page=: the disposal board (staff: every park; editors: theirs). */
export const GET: RequestHandler = ({ url, locals }) => writeResponse(async () => boardOf(await getDatabase(), locals.user, boardFilters(url)), locals.user);
