import { z } from 'zod';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { revokeShare, shareTour } from '$lib/server/tours';
import { NotFoundError } from '$lib/server/editing';
import { parseBody, writeResponse } from '$lib/server/http';

const idOf = (raw: string) => {
	if (!/^\d{1,9}$/.test(raw)) throw new NotFoundError(`No tour "${raw}".`);
	return Number(raw);
};

/** POST {expiresAt?: ISO time}: opens a share link → {token, url}. DELETE: revokes it. */
export const POST: RequestHandler = ({ request, params, locals, url }) =>
	writeResponse(async () => {
		const { expiresAt } = await parseBody(request, z.object({ expiresAt: z.iso.datetime().nullable().default(null) }));
		const token = await shareTour(await getDatabase(), locals.user, idOf(params.id), expiresAt ? new Date(expiresAt) : null);
		return { token, url: `${url.origin}/api/tours/shared/${token}` };
	}, locals.user);

export const DELETE: RequestHandler = ({ params, locals }) =>
	writeResponse(async () => {
		await revokeShare(await getDatabase(), locals.user, idOf(params.id));
		return { revoked: true };
	}, locals.user);
