import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { boardOf } from '$lib/server/land/board';
import { boardFilters } from '$lib/server/land/http';
import { pageLoad } from '$lib/server/land/page';

/** The disposal board: staff see every park, park editors theirs. */
export const load = (({ locals, url }) =>
	pageLoad(async () => {
		const filters = boardFilters(url);
		return { filters, board: await boardOf(await getDatabase(), locals.user, filters), admin: locals.user?.role === 'admin' };
	})) satisfies PageServerLoad;
