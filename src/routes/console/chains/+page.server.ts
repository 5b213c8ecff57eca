import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { pageData } from '$lib/server/http';
import { chainMap, linkRequirements } from '$lib/server/pipeline/chains';
import { z } from 'zod';

const pick = z.object({
	chain: z
		.string()
		.regex(/^[a-z0-9_]{1,64}$/)
		.optional(),
	link: z
		.string()
		.regex(/^[a-z0-9_]{1,64}$/)
		.optional()
});

/** 产业链图谱: every chain's links with their firms, projects and gaps; the chosen link's 招商目录 and standing requirements. */
export const load = (({ locals, url }) =>
	pageData(async () => {
		const db = await getDatabase();
		const chains = await chainMap(db, locals.user);
		const q = pick.parse({ chain: url.searchParams.get('chain') ?? undefined, link: url.searchParams.get('link') ?? undefined });
		const chain = chains.find((c) => c.code === q.chain) ?? chains[0];
		const link = chain?.links.find((l) => l.code === q.link) ?? null;
		const staff = locals.user!.role !== 'park_editor';
		return {
			chains,
			chain: chain?.code ?? null,
			link: link?.code ?? null,
			requirements: link && staff ? await linkRequirements(db, locals.user, link.code) : [],
			staff
		};
	})) satisfies PageServerLoad;
