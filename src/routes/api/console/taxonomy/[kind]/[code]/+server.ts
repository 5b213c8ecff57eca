import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { termUsage, updateChain, updateIndustry } from '$lib/server/taxonomy';
import { requireAdmin } from '$lib/server/auth/permissions';
import { chainSchema, industrySchema } from '$lib/domain/admin-schemas';
import { parseBody, writeResponse } from '$lib/server/http';
import { termKindParam } from '$lib/server/taxonomy/http';
import { NotFoundError } from '$lib/server/editing/errors';

/** GET /api/console/taxonomy/<kind>/<code>: the records that use the term (shown before it is merged away). */
export const GET: RequestHandler = ({ params, locals }) =>
	writeResponse(async () => ({ usage: await termUsage(await getDatabase(), locals.user, termKindParam(params.kind), params.code) }), locals.user);

/** PATCH /api/console/taxonomy/industry|chain/<code>: names, group or industry. */
export const PATCH: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireAdmin(locals.user);
		const db = await getDatabase();
		if (params.kind === 'industry') await updateIndustry(db, locals.user, params.code, await parseBody(request, industrySchema.omit({ code: true })));
		else if (params.kind === 'chain') await updateChain(db, locals.user, params.code, await parseBody(request, chainSchema.omit({ code: true })));
		else throw new NotFoundError(`No term kind "${params.kind}": links are renamed with their chain's links.`);
		return { ok: true };
	}, locals.user);
