import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readDatabase } from '$lib/server/db';
import { getMapLabels, getZoneBounds } from '$lib/server/sites/details';
import { layerVersions } from '$lib/server/tiles/versions';
import { publicAnswers } from '$lib/server/cache/versioned';

/** What the map needs besides tiles: zone extent, labels and the layers' data versions. */
export const GET: RequestHandler = async ({ locals }) => {
	const database = await readDatabase(locals);
	const answer = await publicAnswers.get(database, 'map', async () => {
		const [bounds, labels, versions] = await Promise.all([getZoneBounds(database), getMapLabels(database), layerVersions(database)]);
		return { bounds, labels, versions };
	});
	return json(answer, { headers: { 'cache-control': 'no-cache' } });
};
