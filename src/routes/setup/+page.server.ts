import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { signIn } from '$lib/server/auth';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { addressHash } from '$lib/server/enquiries';
import { createFirstAdmin, hasUsers } from '$lib/server/users/setup';
import { EditValidationError } from '$lib/server/editing/errors';
import { text } from '$lib/domain/input';

/** The first-run page: only while the zone has no users at all; afterwards it sends you to sign in. */
export const load = (async () => {
	if (await hasUsers(await getDatabase())) redirect(303, '/signin');
	return {};
}) satisfies PageServerLoad;

const setupForm = z.object({ email: text(200), name: text(100), password: z.string().max(1024) });

export const actions = {
	default: async ({ request, cookies, getClientAddress, url, locals }) => {
		const parsed = setupForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { email: '', name: '', error: 'form.invalid' });
		const { email, name, password } = parsed.data;
		const db = await getDatabase();
		try {
			await createFirstAdmin(db, { email, displayName: name, password, locale: locals.locale });
		} catch (e) {
			if (e instanceof EditValidationError) return fail(400, { email, name, error: Object.values(e.fields)[0] ?? 'form.invalid' });
			throw e;
		}
		const { token } = await signIn(db, email, password, addressHash(getClientAddress()));
		setSessionCookie(cookies, token, url.protocol === 'https:');
		redirect(303, '/console');
	}
} satisfies Actions;
