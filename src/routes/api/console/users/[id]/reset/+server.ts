import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { resetUserPassword } from '$lib/server/users';
import { requireAdmin } from '$lib/server/auth/permissions';
import { resetSchema } from '$lib/domain/users';
import { parseBody, writeResponse } from '$lib/server/http';
import { credentialAnswer, userIdParam } from '$lib/server/users/http';

/** POST /api/console/users/<id>/reset: a reset link or a temporary password (shown once); their sessions end. */
export const POST: RequestHandler = ({ request, params, locals, url }) =>
	writeResponse(async () => {
		requireAdmin(locals.user);
		const id = userIdParam(params.id);
		const { mode } = await parseBody(request, resetSchema);
		return { credential: credentialAnswer(await resetUserPassword(await getDatabase(), locals.user, id, mode), url.origin) };
	}, locals.user);
