import type { RequestHandler } from './$types';

import { getDatabase } from '$lib/server/db';
import { importHistory } from '$lib/server/import';
import { importResponse, readImportForm, requireImportScope } from '$lib/server/import/request';
import { guardedResponse, writeResponse } from '$lib/server/http';

/**
 * POST /api/console/imports?layer=plots&park=NM&mode=dry_run|commit — multipart `file` and
 * `options` (JSON). The dry run writes nothing; commit writes all or nothing.
 */
export const POST: RequestHandler = ({ request, url, locals }) =>
	guardedResponse(async () => {
		const db = await getDatabase();
		const scope = await requireImportScope(db, locals.user, url);
		const mode = url.searchParams.get('mode') === 'commit' ? 'commit' : 'dry_run';
		const { file, options } = await readImportForm(request, scope);
		return importResponse(db, locals.user!, request, file, options, mode);
	}, locals.user);

/** GET /api/console/imports: the import history the user may see. */
export const GET: RequestHandler = ({ locals }) => writeResponse(async () => ({ imports: await importHistory(await getDatabase(), locals.user) }), locals.user);
