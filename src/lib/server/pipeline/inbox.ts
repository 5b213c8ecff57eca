/**
 * The enquiry inbox. Staff see every enquiry, a park editor those about their parks' sites.
 * Each step — a status move, an owner, a note, a message to the sender, the project a won
 * enquiry becomes — runs in one transaction: the enquiry is locked, the user's scope checked
 * before the body is read, its version compared (409 when someone moved it first), and
 * exactly one audit entry written. An enquiry nobody contacted after the set number of
 * working days is flagged.
 */
import { sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '../db/lists';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireParkEditor, requireUser } from '../auth/permissions';
import { inVisibleParks } from '../auth/scope';
import { recordAudit } from '../audit';
import { ConflictError, EditValidationError, NotFoundError } from '../editing/errors';
import { iso, num, parseJson } from '../db/values';
import { loadSettings } from '../settings';
import { canMoveEnquiry, contactOverdue, enquiryMoves, lateCutoff, zoneDay } from '../../domain/pipeline';
import type { EnquiryActionInput, InboxFilters } from '../../domain/pipeline-schemas';
import type { EnquiryStatus } from '../../domain/vocab';
import { createProjectFromEnquiry } from './projects';

type Rows = Pick<TxHandle, 'rows'>;
export const INBOX_PAGE = 25;

export interface Enquiry {
	id: number;
	reference: string;
	siteKind: 'plot' | 'building' | 'park';
	siteCode: string | null;
	parkId: number | null;
	parkCode: string | null;
	parkNameZh: string | null;
	parkNameEn: string | null;
	company: string;
	contactName: string;
	contactEmail: string | null;
	contactPhone: string | null;
	industry: string | null;
	industryNameZh: string | null;
	industryNameEn: string | null;
	spaceNeededM2: number | null;
	message: string;
	locale: string;
	status: EnquiryStatus;
	lostReason: string | null;
	ownerId: number | null;
	ownerName: string | null;
	receivedAt: string;
	statusAt: string;
	contactedAt: string | null;
	projectId: number | null;
	version: number;
	late: boolean;
}

/** The enquiry's park: its site's, or the park it is about. */
const PARK_OF = sql`coalesce(p.park_id, b.park_id, e.park_id)`;
const FROM = sql`enquiries e
	left join plots p on p.id = e.plot_id left join buildings b on b.id = e.building_id
	left join parks k on k.id = ${PARK_OF} left join industries i on i.id = e.industry_id left join users u on u.id = e.owner_id`;
const COLUMNS = sql`e.id, e.reference, e.site_kind, coalesce(p.code, b.code, k.code) as site_code, ${PARK_OF} as park_id, k.code as park_code,
	k.name_zh as park_name_zh, k.name_en as park_name_en, e.company, e.contact_name, e.contact_email, e.contact_phone, i.code as industry,
	i.name_zh as industry_zh, i.name_en as industry_en,
	e.space_needed_m2, e.message, e.locale, e.status, e.lost_reason, e.owner_id, u.display_name as owner_name, e.created_at, e.status_at,
	e.contacted_at, e.project_id, e.version`;

function enquiryOf(r: Record<string, unknown>, contactDays: number, today: string): Enquiry {
	const e: Enquiry = {
		id: Number(r.id),
		reference: String(r.reference),
		siteKind: r.site_kind as Enquiry['siteKind'],
		siteCode: (r.site_code as string | null) ?? null,
		parkId: num(r.park_id),
		parkCode: (r.park_code as string | null) ?? null,
		parkNameZh: (r.park_name_zh as string | null) ?? null,
		parkNameEn: (r.park_name_en as string | null) ?? null,
		company: String(r.company),
		contactName: String(r.contact_name),
		contactEmail: (r.contact_email as string | null) ?? null,
		contactPhone: (r.contact_phone as string | null) ?? null,
		industry: (r.industry as string | null) ?? null,
		industryNameZh: (r.industry_zh as string | null) ?? null,
		industryNameEn: (r.industry_en as string | null) ?? null,
		spaceNeededM2: num(r.space_needed_m2),
		message: String(r.message ?? ''),
		locale: String(r.locale),
		status: r.status as EnquiryStatus,
		lostReason: (r.lost_reason as string | null) ?? null,
		ownerId: num(r.owner_id),
		ownerName: (r.owner_name as string | null) ?? null,
		receivedAt: iso(r.created_at)!,
		statusAt: iso(r.status_at)!,
		contactedAt: iso(r.contacted_at),
		projectId: num(r.project_id),
		version: Number(r.version),
		late: false
	};
	e.late = contactOverdue(
		{ status: e.status, receivedOn: zoneDay(e.receivedAt), contactedOn: e.contactedAt ? zoneDay(e.contactedAt) : null },
		today,
		contactDays
	);
	return e;
}

const today = () => zoneDay(new Date().toISOString());

async function contactDays(db: Rows): Promise<number> {
	return (await loadSettings(db)).settings.pipeline.contactDays;
}

async function enquiryRow(db: Rows, id: number, lock = false): Promise<Enquiry | null> {
	const [r] = await db.rows<Record<string, unknown>>(sql`select ${COLUMNS} from ${FROM} where e.id = ${id} ${lock ? sql`for update of e` : sql``}`);
	return r ? enquiryOf(r, await contactDays(db), today()) : null;
}

/** An enquiry about a park the user may see (404 for one that does not exist, 403 outside one's parks). */
export async function readEnquiry(db: Rows, user: SessionUser | null, id: number): Promise<Enquiry> {
	const u = requireUser(user);
	const e = await enquiryRow(db, id);
	if (!e) throw new NotFoundError(`No enquiry ${id}.`);
	requireParkEditor(u, e.parkId ?? -1);
	return e;
}

function inboxWhere(user: SessionUser, f: InboxFilters): SQL {
	const parts: SQL[] = [sql`true`, inVisibleParks(PARK_OF, user)];
	if (f.status === 'open') parts.push(sql`and e.status in ('new', 'contacted', 'visiting', 'negotiating')`);
	else if (f.status) parts.push(sql`and e.status = ${f.status}`);
	if (f.park) parts.push(sql`and k.code = ${f.park}`);
	if (f.mine) parts.push(sql`and e.owner_id = ${user.id}`);
	if (f.q) {
		const like = containsPattern(f.q);
		parts.push(
			sql`and (e.reference ilike ${like} or e.company ilike ${like} or e.contact_name ilike ${like} or coalesce(p.code, b.code, k.code) ilike ${like})`
		);
	}
	return sql.join(parts, sql` `);
}

export interface InboxPage {
	rows: Enquiry[];
	total: number;
	page: number;
	pages: number;
	counts: Record<EnquiryStatus | 'late', number>;
}

/** One page of the inbox, newest first (late ones first when the `late` flag is asked for), with counts per status. */
export async function listInbox(db: Rows, user: SessionUser | null, f: InboxFilters): Promise<InboxPage> {
	const u = requireUser(user);
	const days = await contactDays(db);
	const where = inboxWhere(u, { ...f, status: f.flag === 'late' ? 'new' : f.status });
	// Late: still new, never contacted, and in since before the cutoff (the same rule as `contactOverdue`, by the zone's day).
	const late = sql`e.status = 'new' and e.contacted_at is null and (e.created_at at time zone 'Asia/Shanghai')::date <= ${lateCutoff(today(), days)}::date`;
	const condition = f.flag === 'late' ? sql`${where} and ${late}` : where;
	const [{ n }] = await db.rows<{ n: number }>(sql`select count(*)::int as n from ${FROM} where ${condition}`);
	const total = Number(n);
	const pages = Math.max(1, Math.ceil(total / INBOX_PAGE));
	const page = Math.min(f.page, pages);
	const rows = await db.rows<Record<string, unknown>>(
		sql`select ${COLUMNS} from ${FROM} where ${condition} order by e.created_at desc, e.id desc limit ${INBOX_PAGE} offset ${(page - 1) * INBOX_PAGE}`
	);
	const scope = inboxWhere(u, { ...f, status: null, flag: null, page: 1 });
	const [c] = await db.rows<Record<string, number>>(sql`
		select count(*) filter (where e.status = 'new')::int as new, count(*) filter (where e.status = 'contacted')::int as contacted,
			count(*) filter (where e.status = 'visiting')::int as visiting, count(*) filter (where e.status = 'negotiating')::int as negotiating,
			count(*) filter (where e.status = 'won')::int as won, count(*) filter (where e.status = 'lost')::int as lost,
			count(*) filter (where ${late})::int as late
		from ${FROM} where ${scope}`);
	const d = today();
	return {
		rows: rows.map((r) => enquiryOf(r, days, d)),
		total,
		page,
		pages,
		counts: Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Number(v)])) as InboxPage['counts']
	};
}

export interface EnquiryEvent {
	id: string;
	at: string;
	kind: 'audit' | 'note' | 'message';
	action: string;
	user: string | null;
	text: string | null;
	after: Record<string, unknown> | null;
	delivery?: { status: string; attempts: number; error: string | null; sentAt: string | null };
}

/** The enquiry's history, newest first: its audit entries, notes and messages (with how each was delivered). */
export async function enquiryHistory(db: Rows, id: number): Promise<EnquiryEvent[]> {
	const audits = await db.rows<Record<string, unknown>>(sql`
		select a.id, a.at, a.action, u.display_name as user, a.after from audit_entries a left join users u on u.id = a.user_id
		where a.entity = 'enquiry' and a.entity_id = ${String(id)} and a.action not in ('note', 'message') order by a.id desc limit 200`);
	const notes = await db.rows<Record<string, unknown>>(sql`
		select n.id, n.created_at, n.body, u.display_name as user from enquiry_notes n left join users u on u.id = n.user_id
		where n.enquiry_id = ${id} order by n.id desc limit 200`);
	const messages = await db.rows<Record<string, unknown>>(sql`
		select o.id, o.created_at, o.subject, o.status, o.attempts, o.last_error, o.sent_at, u.display_name as user
		from notification_outbox o left join users u on u.id = o.user_id where o.enquiry_id = ${id} order by o.id desc limit 200`);
	const events: EnquiryEvent[] = [
		...audits.map((r) => ({
			id: `a${r.id}`,
			at: iso(r.at)!,
			kind: 'audit' as const,
			action: String(r.action),
			user: (r.user as string | null) ?? null,
			text: null,
			after: parseJson<Record<string, unknown> | null>(r.after)
		})),
		...notes.map((r) => ({
			id: `n${r.id}`,
			at: iso(r.created_at)!,
			kind: 'note' as const,
			action: 'note',
			user: (r.user as string | null) ?? null,
			text: String(r.body),
			after: null
		})),
		...messages.map((r) => ({
			id: `m${r.id}`,
			at: iso(r.created_at)!,
			kind: 'message' as const,
			action: 'message',
			user: (r.user as string | null) ?? null,
			text: String(r.subject),
			after: null,
			delivery: { status: String(r.status), attempts: Number(r.attempts), error: (r.last_error as string | null) ?? null, sentAt: iso(r.sent_at) }
		}))
	];
	return events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** Who may own an enquiry about a park: active staff and administrators, and the park's editors. */
export async function ownerCandidates(db: Rows, parkId: number | null): Promise<{ id: number; name: string }[]> {
	const rows = await db.rows<{ id: number; display_name: string }>(sql`
		select u.id, u.display_name from users u
		where u.active and (u.role in ('admin', 'staff') or exists (select 1 from user_parks up where up.user_id = u.id and up.park_id = ${parkId ?? -1}))
		order by u.display_name`);
	return rows.map((r) => ({ id: Number(r.id), name: r.display_name }));
}

/** What the user may do with the enquiry now (the console's buttons). */
export const enquiryActions = (e: Enquiry) => ({ moves: enquiryMoves(e.status), canConvert: e.status === 'won' && e.projectId === null });

const image = (e: Enquiry) => ({ status: e.status, lostReason: e.lostReason, ownerId: e.ownerId, ownerName: e.ownerName, projectId: e.projectId });

/** One step on an enquiry. */
export async function takeEnquiryAction(db: Database, user: SessionUser | null, id: number, input: EnquiryActionInput): Promise<Enquiry> {
	const u = requireUser(user);
	return db.transaction(async (tx) => {
		const before = await enquiryRow(tx, id, true);
		if (!before) throw new NotFoundError(`No enquiry ${id}.`);
		requireParkEditor(u, before.parkId ?? -1);
		if (before.version !== input.version) throw new ConflictError(before);
		let auditAction: 'move' | 'assign' | 'note' | 'message' | 'convert';
		let extra: Record<string, unknown> = {};
		switch (input.action) {
			case 'move': {
				if (!canMoveEnquiry(before.status, input.to))
					throw new EditValidationError(`An enquiry that is "${before.status}" cannot move to "${input.to}".`, { to: 'pipeline.bad_move' });
				await tx.rows(sql`
					update enquiries set status = ${input.to}, lost_reason = ${input.to === 'lost' ? input.lostReason : null}, status_at = now(),
						contacted_at = coalesce(contacted_at, ${input.to === 'contacted' || input.to === 'visiting' || input.to === 'negotiating' ? sql`now()` : sql`null`})
					where id = ${id}`);
				auditAction = 'move';
				break;
			}
			case 'assign': {
				if (input.ownerId !== null) {
					const ok = (await ownerCandidates(tx, before.parkId)).some((c) => c.id === input.ownerId);
					if (!ok) throw new EditValidationError('That user cannot own enquiries about this park.', { ownerId: 'pipeline.bad_owner' });
				}
				await tx.rows(sql`update enquiries set owner_id = ${input.ownerId} where id = ${id}`);
				auditAction = 'assign';
				break;
			}
			case 'note': {
				const [n] = await tx.rows<{ id: number }>(
					sql`insert into enquiry_notes (enquiry_id, user_id, body) values (${id}, ${u.id}, ${input.body}) returning id`
				);
				extra = { noteId: Number(n.id), note: input.body };
				auditAction = 'note';
				break;
			}
			case 'message': {
				if (!before.contactEmail) throw new EditValidationError('This enquiry left no email address; call the number it gave.', { body: 'pipeline.no_email' });
				const [m] = await tx.rows<{ id: number }>(sql`
					insert into notification_outbox (kind, enquiry_id, user_id, recipient, subject, body)
					values ('enquiry', ${id}, ${u.id}, ${before.contactEmail}, ${input.subject}, ${input.body}) returning id`);
				await tx.rows(sql`update enquiries set contacted_at = coalesce(contacted_at, now()) where id = ${id}`);
				extra = { messageId: Number(m.id), subject: input.subject };
				auditAction = 'message';
				break;
			}
			case 'project': {
				if (before.status !== 'won' || before.projectId !== null)
					throw new EditValidationError('Only a won enquiry that is not a project yet becomes one.', { action: 'pipeline.not_won' });
				const projectId = await createProjectFromEnquiry(tx, u, before);
				await tx.rows(sql`update enquiries set project_id = ${projectId} where id = ${id}`);
				auditAction = 'convert';
				break;
			}
		}
		await tx.rows(sql`update enquiries set version = version + 1, updated_at = now() where id = ${id}`);
		const after = (await enquiryRow(tx, id))!;
		await recordAudit(tx, u, auditAction, 'enquiry', id, image(before), { ...image(after), ...extra });
		return after;
	});
}
