import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { buildingTrend } from '$lib/server/economy';
import { writeResponse } from '$lib/server/http';

/** GET /api/console/economy/<code>: one building's figures and its last 24 months. */
export const GET: RequestHandler = ({ params, locals }) => writeResponse(async () => buildingTrend(await getDatabase(), locals.user, params.code), locals.user);
