import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { setUserActive, updateUserAccount } from '$lib/server/users';
import { requireAdmin } from '$lib/server/auth/permissions';
import { userChangeSchema } from '$lib/domain/users';
import { parseBody, writeResponse } from '$lib/server/http';
import { userIdParam } from '$lib/server/users/http';

/** PATCH /api/console/users/<id>: name, role and parks, or `active` (disabling ends their sessions at once). */
export const PATCH: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireAdmin(locals.user);
		const id = userIdParam(params.id);
		const db = await getDatabase();
		const { active, ...change } = await parseBody(request, userChangeSchema);
		let user = Object.keys(change).length ? await updateUserAccount(db, locals.user, id, change) : null;
		if (active !== undefined) user = await setUserActive(db, locals.user, id, active);
		return { user };
	}, locals.user);
