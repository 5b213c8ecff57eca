import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { getTour, tourIdOf } from '$lib/server/tours';
import { facilityChoices, stopsFromRefs } from '$lib/server/tours/stops';
import { canPlanTours } from '$lib/server/auth/permissions';
import { NotFoundError } from '$lib/server/editing';
import { parseTourSiteRefs } from '$lib/domain/tour-stops';
import type { TourInput } from '$lib/domain/tour-schema';

/** The editor: a saved tour, or a new one (optionally with stops from ?sites=plot:A,building:B …). */
export const load = (async ({ params, locals, url }) => {
	if (!canPlanTours(locals.user!)) error(403, { message: 'Only promotion staff and administrators plan tours.' });
	const db = await getDatabase();
	const facilities = await facilityChoices(db);
	if (params.id === 'new') {
		const { stops, missing } = await stopsFromRefs(db, parseTourSiteRefs(url.searchParams.get('sites')), locals.locale === 'zh-CN');
		const draft: TourInput = {
			title: '',
			delegationOrg: '',
			delegationSize: null,
			delegationContact: '',
			tourDate: null,
			startTime: '09:00',
			lunchAfterStop: null,
			lunchMin: 60,
			stops
		};
		return { tour: null, draft, missing: missing.length, facilities };
	}
	try {
		const tour = await getTour(db, locals.user, tourIdOf(params.id));
		return { tour, draft: null, missing: 0, facilities };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
}) satisfies PageServerLoad;
