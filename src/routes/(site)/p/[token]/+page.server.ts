import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { ProposalLocked, proposalCookie, sharedProposal, unlockProposal } from '$lib/server/pipeline/proposals';
import { proposalContent } from '$lib/server/pipeline/proposal-content';
import { accessCodeSchema } from '$lib/domain/pipeline-schemas';
import { LOCALE_COOKIE } from '$lib/i18n';

/**
 * A delegation's proposal, private: the link alone shows only the access-code form (the same for
 * every link, so it tells nothing); the right code opens it for this browser. An unknown, revoked
 * or expired link, or a wrong code, answers 404 alike.
 */
export const load = (async ({ params, cookies, setHeaders, locals }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	const db = await getDatabase();
	const proposal = await sharedProposal(db, params.token, cookies.get(proposalCookie(params.token)));
	if (!proposal) return { proposal: null, content: null };
	return { proposal, content: await proposalContent(db, proposal, locals.locale) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ params, request, cookies, url }) => {
		const form = await request.formData();
		const code = accessCodeSchema.safeParse(String(form.get('code') ?? ''));
		if (!code.success) return fail(404, { wrong: true });
		let opened;
		try {
			opened = await unlockProposal(await getDatabase(), params.token, code.data);
		} catch (e) {
			if (e instanceof ProposalLocked) return fail(429, { locked: true });
			throw e;
		}
		if (!opened) return fail(404, { wrong: true });
		const maxAge = opened.expiresAt ? Math.max(60, Math.floor((Date.parse(opened.expiresAt) - Date.now()) / 1000)) : 7 * 86400;
		cookies.set(proposalCookie(params.token), opened.pass, {
			path: `/p/${params.token}`,
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: Math.min(maxAge, 7 * 86400)
		});
		// The delegation reads it first in the language staff chose for it; the switch is on the page.
		redirect(303, cookies.get(LOCALE_COOKIE) ? `/p/${params.token}` : `/p/${params.token}?lang=${opened.locale}`);
	}
} satisfies Actions;
