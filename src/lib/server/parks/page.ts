/** What the park editor page needs besides the park: possible parents and the taxonomy to position it. */
import { sql } from 'drizzle-orm';
import type { Geometry } from 'geojson';
import type { Database } from '../db/client';
import { taxonomyLists } from '../search/taxonomy';

export async function parkFormChoices(db: Database) {
	const parents = await db.rows<{ code: string; name_zh: string; name_en: string; boundary: string }>(
		sql`select code, name_zh, name_en, ST_AsGeoJSON(boundary, 7) as boundary from parks where kind <> 'park_in_park' order by code`
	);
	const taxonomy = await taxonomyLists(db);
	return {
		parents: parents.map((p) => ({ code: p.code, nameZh: p.name_zh, nameEn: p.name_en, boundary: JSON.parse(p.boundary) as Geometry })),
		industries: taxonomy.industries,
		chains: taxonomy.chains
	};
}
