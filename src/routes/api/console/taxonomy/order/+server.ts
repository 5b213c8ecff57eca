import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { reorderTerms } from '$lib/server/taxonomy';
import { requireAdmin } from '$lib/server/auth/permissions';
import { reorderSchema } from '$lib/domain/admin-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

/** PUT /api/console/taxonomy/order {kind, codes}: industries or chains in this order. */
export const PUT: RequestHandler = ({ request, locals }) =>
	writeResponse(async () => {
		requireAdmin(locals.user);
		const { kind, codes } = await parseBody(request, reorderSchema);
		await reorderTerms(await getDatabase(), locals.user, kind, codes);
		return { ok: true };
	}, locals.user);
