import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { pageData } from '$lib/server/http';
import { idParam } from '$lib/domain/input';
import { projectHistory, readProject, warningRules } from '$lib/server/pipeline/projects';
import { projectMoves, mondayOf } from '$lib/domain/pipeline';
import { parkChoices } from '$lib/server/editing/lists';
import { taxonomyLists } from '$lib/server/search/taxonomy';

/** One project: its facts and form, stage moves, weekly updates, problems, milestones and history (with the enquiry it came from). */
export const load = (({ locals, params }) =>
	pageData(async () => {
		const db = await getDatabase();
		const p = await readProject(db, locals.user, idParam.parse(params.id));
		const today = new Date().toISOString().slice(0, 10);
		const [history, parks, taxonomy, rules] = await Promise.all([projectHistory(db, p.id), parkChoices(db, locals.user!), taxonomyLists(db), warningRules(db)]);
		return { p, ...history, parks, chains: taxonomy.chains, links: taxonomy.links, moves: projectMoves(p.stage), today, thisWeek: mondayOf(today), rules };
	})) satisfies PageServerLoad;
