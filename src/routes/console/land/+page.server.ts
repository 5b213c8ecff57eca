import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { parseQuery, pageData } from '$lib/server/http';
import { boardFilterSchema } from '$lib/domain/ledger-schemas';
import { boardOf } from '$lib/server/land/board';

/** The disposal board: staff see every park, park editors theirs. */
export const load = (({ locals, url }) =>
	pageData(async () => {
		const filters = parseQuery(url, boardFilterSchema);
		return { filters, board: await boardOf(await getDatabase(), locals.user, filters), admin: locals.user?.role === 'admin' };
	})) satisfies PageServerLoad;
