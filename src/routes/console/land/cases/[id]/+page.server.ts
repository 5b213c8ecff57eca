import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { allowedActions, caseHistory, readCase } from '$lib/server/land/cases';
import { readLandFacts } from '$lib/server/land/facts';
import { caseIdOf } from '$lib/server/land/http';
import { pageLoad } from '$lib/server/land/page';

/** One land case: its grounds, the plot's facts, the steps the user may take, its history. */
export const load = (({ locals, params }) =>
	pageLoad(async () => {
		const db = await getDatabase();
		const c = await readCase(db, locals.user, caseIdOf(params.id));
		return {
			c,
			facts: await readLandFacts(db, locals.user, c.plotCode),
			history: await caseHistory(db, c.id),
			actions: allowedActions(locals.user!, c),
			today: new Date().toISOString().slice(0, 10)
		};
	})) satisfies PageServerLoad;
