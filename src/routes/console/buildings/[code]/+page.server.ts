import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { buildingSnapshot, history } from '$lib/server/editing';
import { canEditPark } from '$lib/server/auth/permissions';
import { listPhotos } from '$lib/server/photos';

export const load = (async ({ params, locals }) => {
	const db = await getDatabase();
	const building = await buildingSnapshot(db, params.code);
	if (!building) error(404, { message: `No building "${params.code}".` });
	if (!canEditPark(locals.user!, building.parkId)) error(403, { message: 'You may not edit records of this park.' });
	return { building, history: await history(db, 'building', params.code), photos: await listPhotos(db, 'building', params.code) };
}) satisfies PageServerLoad;
