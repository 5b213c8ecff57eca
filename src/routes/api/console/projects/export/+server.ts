import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { pipelineFilterSchema } from '$lib/domain/pipeline-schemas';
import { pipelineProjects } from '$lib/server/pipeline/projects';
import { pipelineWorkbook } from '$lib/server/pipeline/export';
import { guardedResponse, parseQuery } from '$lib/server/http';

/** GET /api/console/projects/export?…: the pipeline (the same filters, every project) as an Excel workbook — the dispatch sheet's table. */
export const GET: RequestHandler = ({ url, locals }) =>
	guardedResponse(async () => {
		const projects = await pipelineProjects(await getDatabase(), locals.user, parseQuery(url, pipelineFilterSchema));
		const today = new Date().toISOString().slice(0, 10);
		return new Response(new Uint8Array(await pipelineWorkbook(projects, locals.locale)), {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'content-disposition': `attachment; filename="project-pipeline-${today}.xlsx"`,
				'cache-control': 'no-store'
			}
		});
	}, locals.user);
