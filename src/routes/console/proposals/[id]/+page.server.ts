import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { pageData } from '$lib/server/http';
import { idParam } from '$lib/domain/input';
import { readProposal } from '$lib/server/pipeline/proposals';
import { listTours } from '$lib/server/tours';

/** One proposal: its content to edit, its private link, the access code (renewable), views, revoking. */
export const load = (({ locals, params, url }) =>
	pageData(async () => {
		const db = await getDatabase();
		const p = await readProposal(db, locals.user, idParam.parse(params.id));
		const tours = (await listTours(db, locals.user)).map((t) => ({ id: t.id, title: t.title }));
		return { p, tours, link: `${url.origin}/p/${p.token}` };
	})) satisfies PageServerLoad;
