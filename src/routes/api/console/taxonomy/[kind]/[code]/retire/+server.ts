import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { retireTerm } from '$lib/server/taxonomy';
import { requireAdmin } from '$lib/server/auth/permissions';
import { mergeSchema } from '$lib/domain/admin-schemas';
import { parseBody, writeResponse } from '$lib/server/http';
import { termKindParam } from '$lib/server/taxonomy/http';

/** POST /api/console/taxonomy/<kind>/<code>/retire {into}: deletes an unused term, or merges one in use into `into`. */
export const POST: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireAdmin(locals.user);
		const kind = termKindParam(params.kind);
		const { into } = await parseBody(request, mergeSchema);
		return retireTerm(await getDatabase(), locals.user, kind, params.code, into);
	}, locals.user);
