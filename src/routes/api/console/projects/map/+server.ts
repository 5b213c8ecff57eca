import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { pipelineFilterSchema } from '$lib/domain/pipeline-schemas';
import { pipelineProjects } from '$lib/server/pipeline/projects';
import { projectFeatures } from '$lib/pipeline-features';
import { guardedResponse, parseQuery } from '$lib/server/http';

/** GET /api/console/projects/map?…: the filtered projects as GeoJSON points (stage, warnings) for the 挂图作战 map. */
export const GET: RequestHandler = ({ url, locals }) =>
	guardedResponse(async () => {
		const projects = await pipelineProjects(await getDatabase(), locals.user, parseQuery(url, pipelineFilterSchema));
		return json(projectFeatures(projects), { headers: { 'content-type': 'application/geo+json', 'cache-control': 'no-store' } });
	}, locals.user);
