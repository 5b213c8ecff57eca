import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { isAdmin } from '$lib/server/auth/permissions';
import { loadSettings } from '$lib/server/settings';
import { extraMapOrigins } from '$lib/server/guard/headers';

/** The site settings page: administrators only. */
export const load = (async ({ locals }) => {
	if (!isAdmin(locals.user)) error(403, { message: 'Only administrators change the site settings.' });
	const s = await loadSettings(await getDatabase());
	return { settings: s.settings, version: s.version, sampleData: s.sampleData, envOrigins: extraMapOrigins() };
}) satisfies PageServerLoad;
