import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { economyFilterSchema } from '$lib/domain/ledger-schemas';
import { economyOf } from '$lib/server/economy';
import { parseQuery, writeResponse } from '$lib/server/http';

/** GET /api/console/economy?park=&kind=&tier=&q=&flag=vacancy&sort=&dir=&page=: the building list and the zone's figures. */
export const GET: RequestHandler = ({ url, locals }) =>
	writeResponse(async () => economyOf(await getDatabase(), locals.user, parseQuery(url, economyFilterSchema), locals.locale), locals.user);
