/** The console's lists: the records a user may edit, with how fresh they are. */
import { sql } from 'drizzle-orm';
import { containsPattern } from '../db/lists';
import type { Database } from '../db/client';
import type { SessionUser } from '../auth';
import { freshness } from '../config';

export interface ConsoleRecord {
	kind: 'plot' | 'building';
	code: string;
	name: string;
	parkCode: string;
	status: string;
	published: boolean;
	retired: boolean;
	confirmedAt: string;
	days: number;
	stale: boolean;
}

/** Rows shown at most; the console says when there are more and asks for a search. */
export const CONSOLE_LIMIT = 500;

export async function consoleRecords(db: Database, user: SessionUser, q: string): Promise<{ records: ConsoleRecord[]; total: number }> {
	const scope = user.role === 'park_editor' ? sql`and k.id = any(string_to_array(${user.parkIds.join(',')}, ',')::int[])` : sql``;
	const like = containsPattern(q);
	const match = q ? sql`and (s.code ilike ${like} or s.name ilike ${like})` : sql``;
	const rows = await db.rows<{
		kind: 'plot' | 'building';
		code: string;
		name: string;
		park: string;
		status: string;
		published: boolean;
		retired: boolean;
		confirmed_at: Date | string;
		days: number;
		total: number;
	}>(sql`
		select count(*) over () as total, s.kind, s.code, s.name, k.code as park, s.status, s.published, s.retired, s.confirmed_at,
			floor(extract(epoch from now() - s.confirmed_at) / 86400)::int as days
		from (
			select 'plot' as kind, p.code, p.code as name, p.park_id, p.supply_status as status, p.published, p.retired_at is not null as retired, p.confirmed_at from plots p
			union all
			select 'building', b.code, b.name_zh, b.park_id, b.kind, b.published, b.retired_at is not null, b.confirmed_at from buildings b
		) s join parks k on k.id = s.park_id
		where true ${scope} ${match}
		order by s.retired, s.confirmed_at asc, s.code
		limit ${CONSOLE_LIMIT}`);
	const { staleAfterDays } = freshness();
	const records = rows.map((r) => ({
		kind: r.kind,
		code: r.code,
		name: r.name,
		parkCode: r.park,
		status: r.status,
		published: Boolean(r.published),
		retired: Boolean(r.retired),
		confirmedAt: r.confirmed_at instanceof Date ? r.confirmed_at.toISOString() : String(r.confirmed_at),
		days: Number(r.days),
		stale: !r.retired && Number(r.days) >= staleAfterDays
	}));
	return { records, total: Number(rows[0]?.total ?? 0) };
}

export interface ParkChoice {
	code: string;
	nameZh: string;
	nameEn: string;
}

/** Parks to pick from in the console: every park, or (`editableBy` a park editor) only theirs. */
export async function parkChoices(db: Pick<Database, 'rows'>, editableBy?: SessionUser): Promise<ParkChoice[]> {
	const scope = editableBy?.role === 'park_editor' ? sql`where id in (select park_id from user_parks where user_id = ${editableBy.id})` : sql``;
	const rows = await db.rows<{ code: string; name_zh: string; name_en: string }>(sql`select code, name_zh, name_en from parks ${scope} order by code`);
	return rows.map((p) => ({ code: p.code, nameZh: p.name_zh, nameEn: p.name_en }));
}
