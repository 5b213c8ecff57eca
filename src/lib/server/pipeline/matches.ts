/**
 * Standing-requirement matches in the inbox: each message the matcher queued (a requirement and
 * a site that fits it), with the requirement's company, the site and its park, the score and how
 * its delivery went. Staff see all; a park editor the matches of their parks' sites.
 */
import { sql } from 'drizzle-orm';
import { containsPattern } from '../db/lists';
import type { TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireUser } from '../auth/permissions';
import { inVisibleParks } from '../auth/scope';
import { iso, num } from '../db/values';
import type { InboxFilters } from '../../domain/pipeline-schemas';
import { INBOX_PAGE } from './inbox';

export interface Match {
	id: number;
	requirement: string;
	company: string;
	siteKind: 'plot' | 'building';
	siteCode: string;
	parkCode: string | null;
	parkNameZh: string | null;
	parkNameEn: string | null;
	score: number | null;
	status: 'pending' | 'sent' | 'failed';
	attempts: number;
	lastError: string | null;
	createdAt: string;
	sentAt: string | null;
}

export async function listMatches(db: Pick<TxHandle, 'rows'>, user: SessionUser | null, f: InboxFilters) {
	const u = requireUser(user);
	const from = sql`notification_outbox o join requirements r on r.id = o.requirement_id
		left join plots p on o.site_kind = 'plot' and p.code = o.site_code left join buildings b on o.site_kind = 'building' and b.code = o.site_code
		left join parks k on k.id = coalesce(p.park_id, b.park_id)`;
	const like = f.q ? containsPattern(f.q) : null;
	const where = sql`o.kind = 'match' ${inVisibleParks(sql`k.id`, u)} ${f.park ? sql`and k.code = ${f.park}` : sql``}
		${like ? sql`and (r.reference ilike ${like} or r.company ilike ${like} or o.site_code ilike ${like})` : sql``}`;
	const [{ n }] = await db.rows<{ n: number }>(sql`select count(*)::int as n from ${from} where ${where}`);
	const total = Number(n);
	const pages = Math.max(1, Math.ceil(total / INBOX_PAGE));
	const page = Math.min(f.page, pages);
	const rows = await db.rows<Record<string, unknown>>(sql`
		select o.id, r.reference, r.company, o.site_kind, o.site_code, k.code as park_code, k.name_zh as park_name_zh, k.name_en as park_name_en,
			o.score, o.status, o.attempts, o.last_error, o.created_at, o.sent_at
		from ${from} where ${where} order by o.created_at desc, o.id desc limit ${INBOX_PAGE} offset ${(page - 1) * INBOX_PAGE}`);
	return {
		rows: rows.map((r): Match => ({
			id: Number(r.id),
			requirement: String(r.reference),
			company: String(r.company),
			siteKind: r.site_kind as Match['siteKind'],
			siteCode: String(r.site_code),
			parkCode: (r.park_code as string | null) ?? null,
			parkNameZh: (r.park_name_zh as string | null) ?? null,
			parkNameEn: (r.park_name_en as string | null) ?? null,
			score: num(r.score),
			status: r.status as Match['status'],
			attempts: Number(r.attempts),
			lastError: (r.last_error as string | null) ?? null,
			createdAt: iso(r.created_at)!,
			sentAt: iso(r.sent_at)
		})),
		total,
		page,
		pages
	};
}
