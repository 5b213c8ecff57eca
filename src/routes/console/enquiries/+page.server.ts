import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { parseQuery, pageData } from '$lib/server/http';
import { inboxFilterSchema } from '$lib/domain/pipeline-schemas';
import { listInbox } from '$lib/server/pipeline/inbox';
import { listMatches } from '$lib/server/pipeline/matches';
import { loadSettings } from '$lib/server/settings';

/** The enquiry inbox and the standing-requirement matches: staff see all, park editors their parks'. */
export const load = (({ locals, url }) =>
	pageData(async () => {
		const filters = parseQuery(url, inboxFilterSchema);
		const db = await getDatabase();
		const contactDays = (await loadSettings(db)).settings.pipeline.contactDays;
		if (filters.view === 'matches') return { filters, contactDays, matches: await listMatches(db, locals.user, filters), inbox: null };
		return { filters, contactDays, inbox: await listInbox(db, locals.user, filters), matches: null };
	})) satisfies PageServerLoad;
