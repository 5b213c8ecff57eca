import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { parseQuery, pageData } from '$lib/server/http';
import { ratesFilterSchema } from '$lib/domain/pipeline-schemas';
import { pipelineRates } from '$lib/server/pipeline/rates';

/** The rates the zone is judged by, for the year's signed projects: zone, parks, chains, against the targets, month by month. */
export const load = (({ locals, url }) =>
	pageData(async () => {
		const { year } = parseQuery(url, ratesFilterSchema);
		return { rates: await pipelineRates(await getDatabase(), locals.user, year), admin: locals.user?.role === 'admin' };
	})) satisfies PageServerLoad;
