import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { signIn, SignInError } from '$lib/server/auth';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { addressHash } from '$lib/server/enquiries';

const safeNext = (v: string | null) => (v && v.startsWith('/') && !v.startsWith('//') ? v : '/console');

export const load = (({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return {};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		if (!email || !password) return fail(400, { email, error: 'signin.missing' });
		try {
			const { token } = await signIn(await getDatabase(), email, password, addressHash(getClientAddress()));
			setSessionCookie(cookies, token, url.protocol === 'https:');
		} catch (e) {
			if (e instanceof SignInError) return fail(e.code === 'throttled' ? 429 : 400, { email, error: `signin.${e.code}` });
			throw e;
		}
		redirect(303, safeNext(url.searchParams.get('next')));
	}
} satisfies Actions;
