import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { createUserAccount, listUsers } from '$lib/server/users';
import { requireAdmin } from '$lib/server/auth/permissions';
import { newUserSchema } from '$lib/domain/users';
import { parseBody, writeResponse } from '$lib/server/http';
import { credentialAnswer } from '$lib/server/users/http';

/** GET /api/console/users: every user with role, parks, last sign-in and status (administrators). */
export const GET: RequestHandler = ({ locals }) => writeResponse(async () => ({ users: await listUsers(await getDatabase(), locals.user) }), locals.user);

/** POST /api/console/users: a new user, with an invitation link or a temporary password (shown once). */
export const POST: RequestHandler = ({ request, locals, url }) =>
	writeResponse(async () => {
		requireAdmin(locals.user);
		const { user, credential } = await createUserAccount(await getDatabase(), locals.user, await parseBody(request, newUserSchema));
		return { user, credential: credentialAnswer(credential, url.origin) };
	}, locals.user);
