import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { tourByToken } from '$lib/server/tours';
import { failure } from '$lib/server/http';

/** A shared tour, read-only, for anyone with the link; 404 once revoked or expired. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const tour = await tourByToken(await getDatabase(), params.token, locals.locale);
	if (!tour) return failure(404, 'not_found', 'This tour link does not exist, was revoked or has expired.');
	return json(tour, { headers: { 'cache-control': 'no-store' } });
};
