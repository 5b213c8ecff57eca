import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { economyOf, zoneTrend } from '$lib/server/economy';
import { economyFilters } from '$lib/server/land/http';
import { pageLoad } from '$lib/server/land/page';

/** The building economy: the list, the zone's figures and trend (staff: every park; editors: theirs). */
export const load = (({ locals, url }) =>
	pageLoad(async () => {
		const db = await getDatabase();
		const filters = economyFilters(url);
		return { filters, economy: await economyOf(db, locals.user, filters, locals.locale), trend: await zoneTrend(db, locals.user) };
	})) satisfies PageServerLoad;
