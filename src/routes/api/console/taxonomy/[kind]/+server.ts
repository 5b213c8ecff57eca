import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { createChain, createIndustry } from '$lib/server/taxonomy';
import { requireAdmin } from '$lib/server/auth/permissions';
import { chainSchema, industrySchema } from '$lib/domain/admin-schemas';
import { parseBody, writeResponse } from '$lib/server/http';
import { NotFoundError } from '$lib/server/editing/errors';

/** POST /api/console/taxonomy/industry | chain: a new term (administrators). */
export const POST: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireAdmin(locals.user);
		const db = await getDatabase();
		if (params.kind === 'industry') await createIndustry(db, locals.user, await parseBody(request, industrySchema));
		else if (params.kind === 'chain') await createChain(db, locals.user, await parseBody(request, chainSchema));
		else throw new NotFoundError(`No term kind "${params.kind}": use industry or chain (links are set per chain).`);
		return { ok: true };
	}, locals.user);
