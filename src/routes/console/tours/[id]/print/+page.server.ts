import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { getTour, tourIdOf } from '$lib/server/tours';
import { tourItinerary } from '$lib/server/tours/itinerary';
import { canPlanTours } from '$lib/server/auth/permissions';
import { NotFoundError } from '$lib/server/editing';

/** The printable itinerary of a saved tour, for staff (with the delegation's contact). */
export const load = (async ({ params, locals }) => {
	if (!canPlanTours(locals.user!)) error(403, { message: 'Only promotion staff and administrators plan tours.' });
	const db = await getDatabase();
	try {
		const tour = await getTour(db, locals.user, tourIdOf(params.id));
		return { tour, itinerary: await tourItinerary(db, tour) };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
}) satisfies PageServerLoad;
