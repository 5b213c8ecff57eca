import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { deleteRoad, readRoad, updateRoad } from '$lib/server/roads';
import { requireStaff } from '$lib/server/auth/permissions';
import { roadEditSchema } from '$lib/domain/admin-schemas';
import { retireSchema } from '$lib/domain/edit-schemas';
import { parseBody, writeResponse } from '$lib/server/http';
import { NotFoundError } from '$lib/server/editing/errors';

function roadId(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw new NotFoundError(`No road ${raw.slice(0, 20)}.`);
	return id;
}

/** GET /api/console/roads/<id>: one road with its version. */
export const GET: RequestHandler = ({ params, locals }) =>
	writeResponse(async () => readRoad(await getDatabase(), locals.user, roadId(params.id)), locals.user);

/** PATCH /api/console/roads/<id>: class, speed, direction, name or course. */
export const PATCH: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		return updateRoad(await getDatabase(), locals.user, roadId(params.id), await parseBody(request, roadEditSchema));
	}, locals.user);

/** DELETE /api/console/roads/<id> {version}: removes the road (its last state stays in the audit log). */
export const DELETE: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		const { version } = await parseBody(request, retireSchema);
		await deleteRoad(await getDatabase(), locals.user, roadId(params.id), version);
		return { ok: true };
	}, locals.user);
