import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { boardFilterSchema } from '$lib/domain/ledger-schemas';
import { boardOf } from '$lib/server/land/board';
import { parseQuery, writeResponse } from '$lib/server/http';

/** GET /api/console/land?year=&park=&stage=&kind=&due=&q=&page=: the disposal board (staff: every park; editors: theirs). */
export const GET: RequestHandler = ({ url, locals }) =>
	writeResponse(async () => boardOf(await getDatabase(), locals.user, parseQuery(url, boardFilterSchema)), locals.user);
