import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { idParam } from '$lib/domain/input';
import { targetFirmUpdateSchema, versionSchema } from '$lib/domain/pipeline-schemas';
import { removeTargetFirm, updateTargetFirm } from '$lib/server/pipeline/chains';
import { requireStaff } from '$lib/server/auth/permissions';
import { parseBody, writeResponse } from '$lib/server/http';

/** PUT /api/console/chains/targets/<id>: the entry changed ({version, name, location, reason, owner, status}); 409 when stale. */
export const PUT: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		return updateTargetFirm(await getDatabase(), locals.user, idParam.parse(params.id), await parseBody(request, targetFirmUpdateSchema));
	}, locals.user);

/** DELETE /api/console/chains/targets/<id> ({version}): the firm taken off the list. */
export const DELETE: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		const { version } = await parseBody(request, versionSchema);
		await removeTargetFirm(await getDatabase(), locals.user, idParam.parse(params.id), version);
		return { removed: true };
	}, locals.user);
