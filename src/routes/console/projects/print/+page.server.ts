import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { parseQuery, pageData } from '$lib/server/http';
import { pipelineFilterSchema } from '$lib/domain/pipeline-schemas';
import { pipelineProjects } from '$lib/server/pipeline/projects';
import { dispatchMapSvg } from '$lib/server/pipeline/print-map';
import { dispatchRow } from '$lib/server/pipeline/export';
import { PROJECT_STAGES } from '$lib/domain/vocab';

/** The weekly dispatch sheet (一周一调度) on A4 landscape: the map drawn here as SVG with numbered symbols, then the pipeline table. */
export const load = (({ locals, url }) =>
	pageData(async () => {
		const filters = parseQuery(url, pipelineFilterSchema);
		const db = await getDatabase();
		const projects = await pipelineProjects(db, locals.user, filters);
		// Warned projects first, then by stage from the furthest along.
		const order = [...projects].sort((a, b) => b.warnings.length - a.warnings.length || PROJECT_STAGES.indexOf(b.stage) - PROJECT_STAGES.indexOf(a.stage));
		const numbers = new Map(order.map((p, i) => [p.id, i + 1]));
		const map = await dispatchMapSvg(db, order, (p) => String(numbers.get(p.id)));
		return {
			map,
			rows: order.map((p) => ({ n: numbers.get(p.id)!, stage: p.stage, warned: p.warnings.length > 0, ...dispatchRow(p, locals.locale) })),
			printedAt: new Date().toISOString()
		};
	})) satisfies PageServerLoad;
