import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { undoImport } from '$lib/server/import';
import { writeResponse } from '$lib/server/http';
import { NotFoundError } from '$lib/server/editing';

/** POST /api/console/imports/<id>/undo: every record back as it was before the import; 409 when one was edited since. */
export const POST: RequestHandler = ({ params, locals }) =>
	writeResponse(async () => {
		const id = Number(params.id);
		if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw new NotFoundError(`No import ${params.id.slice(0, 20)}.`);
		return undoImport(await getDatabase(), locals.user, id);
	}, locals.user);
