import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { chainMap } from '$lib/server/pipeline/chains';
import { writeResponse } from '$lib/server/http';

/** GET /api/console/chains: every chain's links with their firms, projects, gaps, 招商目录 and standing requirements. */
export const GET: RequestHandler = ({ locals }) => writeResponse(async () => chainMap(await getDatabase(), locals.user), locals.user);
