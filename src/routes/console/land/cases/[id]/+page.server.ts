import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { pageData } from '$lib/server/http';
import { caseIdSchema } from '$lib/domain/ledger-schemas';
import { allowedActions, caseHistory, readCase } from '$lib/server/land/cases';
import { readLandFacts } from '$lib/server/land/facts';

/** One land case: its grounds, the plot's facts, the steps the user may take, its history. */
export const load = (({ locals, params }) =>
	pageData(async () => {
		const db = await getDatabase();
		const c = await readCase(db, locals.user, caseIdSchema.parse(params.id));
		return {
			c,
			facts: await readLandFacts(db, locals.user, c.plotCode),
			history: await caseHistory(db, c.id),
			actions: allowedActions(locals.user!, c),
			today: new Date().toISOString().slice(0, 10)
		};
	})) satisfies PageServerLoad;
