import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { signOut } from '$lib/server/auth';
import { clearSessionCookie } from '$lib/server/auth/cookies';

export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, cookies }) => {
		await signOut(await getDatabase(), locals.sessionToken);
		clearSessionCookie(cookies);
		redirect(303, '/');
	}
} satisfies Actions;
