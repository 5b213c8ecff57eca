import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { pageData } from '$lib/server/http';
import { buildingTrend } from '$lib/server/economy';

/** One building's ledger: its figures and its last 24 months. */
export const load = (({ locals, params }) => pageData(async () => buildingTrend(await getDatabase(), locals.user, params.code))) satisfies PageServerLoad;
