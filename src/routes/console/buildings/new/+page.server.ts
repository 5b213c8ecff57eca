import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { parksForNewRecords } from '$lib/server/editing/new-record';

/** A new record, drawn on the map, in one of the user's parks. */
export const load = (async ({ locals, url }) => {
	const parks = await parksForNewRecords(await getDatabase(), locals.user!);
	const asked = url.searchParams.get('park');
	return { parks, park: parks.find((p) => p.code === asked)?.code ?? parks[0]?.code ?? null };
}) satisfies PageServerLoad;
