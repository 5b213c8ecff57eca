import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { signIn } from '$lib/server/auth';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { addressHash } from '$lib/server/enquiries';
import { acceptInvitation, invitationFor } from '$lib/server/users';
import { EditValidationError } from '$lib/server/editing/errors';

/** An invitation or reset link: whom it is for while it is valid; the user chooses a password and is signed in. */
export const load = (async ({ params }) => {
	const invitation = await invitationFor(await getDatabase(), params.token);
	return { invitation };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, params, cookies, getClientAddress, url }) => {
		const parsed = z.object({ password: z.string().max(1024) }).safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { error: 'form.invalid' });
		const db = await getDatabase();
		const invitation = await invitationFor(db, params.token);
		if (!invitation) return fail(400, { error: 'users.link_invalid' });
		try {
			await acceptInvitation(db, params.token, parsed.data.password);
		} catch (e) {
			if (e instanceof EditValidationError) return fail(400, { error: Object.values(e.fields)[0] ?? 'form.invalid' });
			throw e;
		}
		const { token } = await signIn(db, invitation.email, parsed.data.password, addressHash(getClientAddress()));
		setSessionCookie(cookies, token, url.protocol === 'https:');
		redirect(303, '/console');
	}
} satisfies Actions;
