import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { economyOf } from '$lib/server/economy';
import { economyFilters } from '$lib/server/land/http';
import { writeResponse } from '$lib/server/http';

/** GET /api/console/economy?park=&kind=&tier=&q=&flag=vacancy&sort=&dir=&page=: the building list and the zone's figures. */
export const GET: RequestHandler = ({ url, locals }) =>
	writeResponse(async () => economyOf(await getDatabase(), locals.user, economyFilters(url), locals.locale), locals.user);
