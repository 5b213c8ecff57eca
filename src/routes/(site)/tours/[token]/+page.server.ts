import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { tourByToken } from '$lib/server/tours';
import { tourItinerary } from '$lib/server/tours/itinerary';

/** A shared tour's public, read-only page; gone (404) once the link is revoked or has expired. */
export const load = (async ({ params, setHeaders, locals }) => {
	const db = await getDatabase();
	const tour = await tourByToken(db, params.token, locals.locale);
	if (!tour) error(404, { message: 'tour.shared_gone' });
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	return { tour, token: params.token, itinerary: await tourItinerary(db, tour) };
}) satisfies PageServerLoad;
