import type { PageServerLoad } from './$types';
import { sql } from 'drizzle-orm';
import { getDatabase } from '$lib/server/db';
import { importHistory } from '$lib/server/import';
import { IMPORT_LAYERS, IMPORT_TARGETS } from '$lib/domain/import/targets';

/** The Import page: the parks and layers the user may import into, and the import history. */
export const load = (async ({ locals }) => {
	const db = await getDatabase();
	const user = locals.user!;
	const parks = await db.rows<{ code: string; name_zh: string; name_en: string }>(sql`
		select code, name_zh, name_en from parks
		${user.role === 'park_editor' ? sql`where id in (select park_id from user_parks where user_id = ${user.id})` : sql``}
		order by code`);
	return {
		parks: parks.map((p) => ({ code: p.code, nameZh: p.name_zh, nameEn: p.name_en })),
		layers: IMPORT_LAYERS.filter((l) => IMPORT_TARGETS[l].who === 'editor' || user.role === 'admin'),
		history: await importHistory(db, user),
		role: user.role
	};
}) satisfies PageServerLoad;
