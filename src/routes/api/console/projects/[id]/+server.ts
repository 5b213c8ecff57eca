import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { idParam } from '$lib/domain/input';
import { projectActionSchema } from '$lib/domain/pipeline-schemas';
import { projectHistory, readProject, takeProjectAction } from '$lib/server/pipeline/projects';
import { parseBody, writeResponse } from '$lib/server/http';

/** GET /api/console/projects/<id>: the project with its problems, warnings, weekly updates and history. */
export const GET: RequestHandler = ({ params, locals }) =>
	writeResponse(async () => {
		const db = await getDatabase();
		const p = await readProject(db, locals.user, idParam.parse(params.id));
		return { project: p, ...(await projectHistory(db, p.id)) };
	}, locals.user);

/** POST /api/console/projects/<id>: one step ({action: edit|move|update|problem|resolve, version, …}); 409 when stale. */
export const POST: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		const db = await getDatabase();
		const id = idParam.parse(params.id);
		await readProject(db, locals.user, id);
		return takeProjectAction(db, locals.user, id, await parseBody(request, projectActionSchema));
	}, locals.user);
