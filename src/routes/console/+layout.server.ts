import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

/** The console is for signed-in users only; others go to sign-in and come back. */
export const load = (({ locals, url }) => {
	if (!locals.user) redirect(303, `/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
	return { user: { displayName: locals.user.displayName, role: locals.user.role, email: locals.user.email } };
}) satisfies LayoutServerLoad;
