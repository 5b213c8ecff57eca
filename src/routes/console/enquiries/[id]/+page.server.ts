import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { pageData } from '$lib/server/http';
import { idParam } from '$lib/domain/input';
import { enquiryActions, enquiryHistory, ownerCandidates, readEnquiry } from '$lib/server/pipeline/inbox';
import { transportFromEnv } from '$lib/server/mail';
import { loadSettings } from '$lib/server/settings';

/** One enquiry: who asked about what, its status and owner, the steps it may take, notes, messages and history. */
export const load = (({ locals, params }) =>
	pageData(async () => {
		const db = await getDatabase();
		const e = await readEnquiry(db, locals.user, idParam.parse(params.id));
		return {
			e,
			history: await enquiryHistory(db, e.id),
			owners: await ownerCandidates(db, e.parkId),
			...enquiryActions(e),
			mailConfigured: transportFromEnv() !== null,
			contactDays: (await loadSettings(db)).settings.pipeline.contactDays
		};
	})) satisfies PageServerLoad;
