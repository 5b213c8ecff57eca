import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { targetFirmSchema } from '$lib/domain/pipeline-schemas';
import { addTargetFirm } from '$lib/server/pipeline/chains';
import { requireStaff } from '$lib/server/auth/permissions';
import { parseBody, writeResponse } from '$lib/server/http';

/** POST /api/console/chains/targets: a firm put on a link's 招商目录 (staff). */
export const POST: RequestHandler = ({ request, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		return addTargetFirm(await getDatabase(), locals.user, await parseBody(request, targetFirmSchema));
	}, locals.user);
