import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { pipelineFilterSchema, projectCreateSchema } from '$lib/domain/pipeline-schemas';
import { createProject, listPipeline } from '$lib/server/pipeline/projects';
import { requireUser } from '$lib/server/auth/permissions';
import { parseBody, parseQuery, writeResponse } from '$lib/server/http';

/** GET /api/console/projects?stage=&park=&chain=&warning=&q=&page=: the pipeline (staff: all; editors: their parks'). */
export const GET: RequestHandler = ({ url, locals }) =>
	writeResponse(async () => listPipeline(await getDatabase(), locals.user, parseQuery(url, pipelineFilterSchema)), locals.user);

/** POST /api/console/projects: a new project (staff anywhere; editors in their parks). */
export const POST: RequestHandler = ({ request, locals }) =>
	writeResponse(async () => {
		requireUser(locals.user);
		return createProject(await getDatabase(), locals.user, await parseBody(request, projectCreateSchema));
	}, locals.user);
