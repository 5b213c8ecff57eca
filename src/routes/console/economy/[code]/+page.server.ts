import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { buildingTrend } from '$lib/server/economy';
import { pageLoad } from '$lib/server/land/page';

/** One building's ledger: its figures and its last 24 months. */
export const load = (({ locals, params }) => pageLoad(async () => buildingTrend(await getDatabase(), locals.user, params.code))) satisfies PageServerLoad;
