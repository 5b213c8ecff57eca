import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { economyMap } from '$lib/server/economy';
import { writeResponse } from '$lib/server/http';

/** GET /api/console/economy/map: the buildings as points with occupancy and tax tier, for the map. */
export const GET: RequestHandler = ({ locals }) => writeResponse(async () => economyMap(await getDatabase(), locals.user), locals.user);
