import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { history, parkBoundary, plotSnapshot } from '$lib/server/editing';
import { canEditPark } from '$lib/server/auth/permissions';
import { listPhotos } from '$lib/server/photos';
import { readLandFacts } from '$lib/server/land/facts';
import { SOLD_STATUSES } from '$lib/domain/land-suspicion';

export const load = (async ({ params, locals }) => {
	const db = await getDatabase();
	const plot = await plotSnapshot(db, params.code);
	if (!plot) error(404, { message: `No plot "${params.code}".` });
	// Editors of other parks may not see the record at all.
	if (!canEditPark(locals.user!, plot.parkId)) error(403, { message: 'You may not edit records of this park.' });
	return {
		plot,
		parkBoundary: await parkBoundary(db, plot.parkId),
		history: await history(db, 'plot', params.code),
		photos: await listPhotos(db, 'plot', params.code),
		/** Supervision facts, for land that has been sold or allocated. */
		facts: SOLD_STATUSES.includes(plot.supplyStatus) ? await readLandFacts(db, locals.user, params.code) : null
	};
}) satisfies PageServerLoad;
