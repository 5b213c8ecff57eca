import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { isAdmin } from '$lib/server/auth/permissions';
import { parkSnapshot } from '$lib/server/parks';
import { parkFormChoices } from '$lib/server/parks/page';
import { listPhotos } from '$lib/server/photos';

/** One park's editor: administrators only. */
export const load = (async ({ locals, params }) => {
	if (!isAdmin(locals.user)) error(403, { message: 'Only administrators manage parks.' });
	const db = await getDatabase();
	const park = await parkSnapshot(db, params.code);
	if (!park) error(404, { message: `No park "${params.code}".` });
	return { park, photos: await listPhotos(db, 'park', params.code), ...(await parkFormChoices(db)) };
}) satisfies PageServerLoad;
