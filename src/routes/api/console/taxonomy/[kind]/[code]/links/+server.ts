import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { setChainLinks } from '$lib/server/taxonomy';
import { requireAdmin } from '$lib/server/auth/permissions';
import { chainLinksSchema } from '$lib/domain/admin-schemas';
import { parseBody, writeResponse } from '$lib/server/http';
import { NotFoundError } from '$lib/server/editing/errors';

/** PUT /api/console/taxonomy/chain/<code>/links {links}: the chain's links in order, upstream first. */
export const PUT: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireAdmin(locals.user);
		if (params.kind !== 'chain') throw new NotFoundError('Only chains have links.');
		const { links } = await parseBody(request, chainLinksSchema);
		await setChainLinks(await getDatabase(), locals.user, params.code, links);
		return { ok: true };
	}, locals.user);
