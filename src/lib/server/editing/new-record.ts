/** What the "new plot / new building" pages need: the parks the user may add records to, with their boundaries. */
import { sql } from 'drizzle-orm';
import type { Geometry } from 'geojson';
import type { Database } from '../db/client';
import type { SessionUser } from '../auth';

export async function parksForNewRecords(db: Pick<Database, 'rows'>, user: SessionUser) {
	const scope = user.role === 'park_editor' ? sql`where id in (select park_id from user_parks where user_id = ${user.id})` : sql``;
	const rows = await db.rows<{ code: string; name_zh: string; name_en: string; boundary: string }>(
		sql`select code, name_zh, name_en, ST_AsGeoJSON(boundary, 7) as boundary from parks ${scope} order by code`
	);
	return rows.map((p) => ({ code: p.code, nameZh: p.name_zh, nameEn: p.name_en, boundary: JSON.parse(p.boundary) as Geometry }));
}
