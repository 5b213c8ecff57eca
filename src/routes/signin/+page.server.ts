import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { signIn, SignInError } from '$lib/server/auth';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { addressHash } from '$lib/server/enquiries';
import { sameOriginPath } from '$lib/domain/redirects';
import { text } from '$lib/domain/input';
import { hasUsers } from '$lib/server/users/setup';

const signInForm = z.object({
	email: text(200),
	// Long enough for any passphrase; short enough that hashing it costs nothing extra.
	password: z.string().max(1024)
});

export const load = (async ({ locals, url }) => {
	if (locals.user) redirect(303, sameOriginPath(url.searchParams.get('next')));
	// A zone set up from nothing has no users yet: its first administrator is created first.
	if (!(await hasUsers(await getDatabase()))) redirect(303, '/setup');
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = Object.fromEntries(await request.formData());
		const email = typeof form.email === 'string' ? form.email.slice(0, 200) : '';
		const parsed = signInForm.safeParse({ email: form.email ?? '', password: form.password ?? '' });
		if (!parsed.success)
			return fail(400, { email: '', error: parsed.error.issues[0].message === 'form.control_chars' ? 'form.control_chars' : 'signin.invalid' });
		if (!parsed.data.email || !parsed.data.password) return fail(400, { email, error: 'signin.missing' });
		try {
			const { token } = await signIn(await getDatabase(), parsed.data.email, parsed.data.password, addressHash(getClientAddress()));
			setSessionCookie(cookies, token, url.protocol === 'https:');
		} catch (e) {
			if (e instanceof SignInError) return fail(e.code === 'throttled' ? 429 : 400, { email, error: `signin.${e.code}` });
			throw e;
		}
		redirect(303, sameOriginPath(url.searchParams.get('next')));
	}
} satisfies Actions;
