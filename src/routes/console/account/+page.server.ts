import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { getDatabase } from '$lib/server/db';
import { changePassword, SignInError } from '$lib/server/auth';
import { MIN_PASSWORD_LENGTH } from '$lib/server/auth/password';
import { requireUser } from '$lib/server/auth/permissions';

export const actions = {
	default: async ({ request, locals }) => {
		if (!locals.user) return fail(401, { error: 'signin.missing' });
		const user = requireUser(locals.user);
		const form = await request.formData();
		const current = String(form.get('current') ?? '');
		const next = String(form.get('next') ?? '');
		if (next.length < MIN_PASSWORD_LENGTH) return fail(400, { error: 'form.too_short' });
		try {
			await changePassword(await getDatabase(), user.id, current, next, locals.sessionToken!);
		} catch (e) {
			if (e instanceof SignInError) return fail(400, { error: 'signin.invalid' });
			throw e;
		}
		return { changed: true };
	}
} satisfies Actions;
