import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { parseQuery, pageData } from '$lib/server/http';
import { economyFilterSchema } from '$lib/domain/ledger-schemas';
import { economyOf, zoneTrend } from '$lib/server/economy';

/** The building economy: the list, the zone's figures and trend (staff: every park; editors: theirs). */
export const load = (({ locals, url }) =>
	pageData(async () => {
		const db = await getDatabase();
		const filters = parseQuery(url, economyFilterSchema);
		return { filters, economy: await economyOf(db, locals.user, filters, locals.locale), trend: await zoneTrend(db, locals.user) };
	})) satisfies PageServerLoad;
