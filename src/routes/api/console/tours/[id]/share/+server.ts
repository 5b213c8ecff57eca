import { z } from 'zod';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/permissions';
import { revokeShare, shareTour, tourIdOf } from '$lib/server/tours';
import { parseBody, writeResponse } from '$lib/server/http';

/** POST {expiresAt?: ISO time, showDelegation?: boolean (default false: the delegation's name stays off the public page)}: opens (or replaces) the share link → {token, url of the public page}. DELETE: revokes it. */
export const POST: RequestHandler = ({ request, params, locals, url }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		const { expiresAt, showDelegation } = await parseBody(
			request,
			z.object({ expiresAt: z.iso.datetime().nullable().default(null), showDelegation: z.boolean().default(false) })
		);
		const token = await shareTour(await getDatabase(), locals.user, tourIdOf(params.id), expiresAt ? new Date(expiresAt) : null, showDelegation);
		return { token, url: `${url.origin}/tours/${token}`, expiresAt };
	}, locals.user);

export const DELETE: RequestHandler = ({ params, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		await revokeShare(await getDatabase(), locals.user, tourIdOf(params.id));
		return { revoked: true };
	}, locals.user);
