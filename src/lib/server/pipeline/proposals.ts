/**
 * 招商推介方案: a proposal staff put together for a delegation — the chosen sites with their facts
 * and comparison, an inspection tour, the parks' profiles and the contact — shared as a private
 * page: an unguessable token in the link plus a six-character access code (kept only as a scrypt
 * hash), optionally expiring, revocable. Wrong codes are counted per proposal (10 in 15 minutes
 * lock it for the rest of the window); views are counted per day, nothing about who looked.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireStaff } from '../auth/permissions';
import { hashPassword, verifyPassword } from '../auth/password';
import { recordAudit } from '../audit';
import { ConflictError, EditValidationError, NotFoundError } from '../editing/errors';
import { dateOnly, iso, parseJson } from '../db/values';
import type { ProposalInput } from '../../domain/pipeline-schemas';

type Rows = Pick<TxHandle, 'rows'>;

export interface Proposal {
	id: number;
	title: string;
	delegation: string;
	intro: string;
	sites: { kind: 'plot' | 'building'; code: string }[];
	tourId: number | null;
	tourTitle: string | null;
	contactName: string;
	contactPhone: string;
	contactEmail: string;
	locale: 'zh-CN' | 'en';
	token: string;
	expiresOn: string | null;
	revokedAt: string | null;
	/** The link opens (with its code): neither revoked nor expired. */
	live: boolean;
	views: number;
	lastViewedOn: string | null;
	version: number;
	createdAt: string;
	updatedAt: string;
}

const COLUMNS = sql`r.id, r.title, r.delegation, r.intro, r.sites, r.tour_id, t.title as tour_title, r.contact_name, r.contact_phone, r.contact_email, r.locale,
	r.token, r.expires_at, r.revoked_at, r.version, r.created_at, r.updated_at,
	(r.revoked_at is null and (r.expires_at is null or r.expires_at > now())) as live,
	coalesce((select sum(v.views) from proposal_views v where v.proposal_id = r.id), 0)::int as views,
	(select max(v.day) from proposal_views v where v.proposal_id = r.id) as last_viewed`;
const FROM = sql`proposals r left join tours t on t.id = r.tour_id`;

const proposalOf = (r: Record<string, unknown>): Proposal => ({
	id: Number(r.id),
	title: String(r.title),
	delegation: String(r.delegation),
	intro: String(r.intro),
	sites: parseJson<Proposal['sites']>(r.sites),
	tourId: r.tour_id === null ? null : Number(r.tour_id),
	tourTitle: (r.tour_title as string | null) ?? null,
	contactName: String(r.contact_name),
	contactPhone: String(r.contact_phone),
	contactEmail: String(r.contact_email),
	locale: r.locale === 'en' ? 'en' : 'zh-CN',
	token: String(r.token),
	// Stored as the end of the chosen day in the zone (UTC+8); shown as that day.
	expiresOn: r.expires_at ? new Date(new Date(iso(r.expires_at)!).getTime() + 8 * 3600_000 - 1).toISOString().slice(0, 10) : null,
	revokedAt: iso(r.revoked_at),
	live: Boolean(r.live),
	views: Number(r.views),
	lastViewedOn: dateOnly(r.last_viewed),
	version: Number(r.version),
	createdAt: iso(r.created_at)!,
	updatedAt: iso(r.updated_at)!
});

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function newCode(): string {
	let s = '';
	for (const b of randomBytes(6)) s += ALPHABET[b % ALPHABET.length];
	return s;
}

/** The link expires at the end of the chosen day, zone time (UTC+8). */
const expiryOf = (day: string | null) => (day ? new Date(Date.parse(`${day}T24:00:00+08:00`)).toISOString() : null);

async function checkRefs(tx: Rows, input: ProposalInput) {
	for (const s of input.sites) {
		const table = s.kind === 'plot' ? sql`plots` : sql`buildings`;
		const [r] = await tx.rows(sql`select 1 from ${table} x join parks k on k.id = x.park_id where x.code = ${s.code} and x.published and k.published`);
		if (!r) throw new EditValidationError(`No published ${s.kind} "${s.code}".`, { sites: 'pipeline.proposal_unknown_site' });
	}
	if (input.tourId !== null) {
		const [t] = await tx.rows(sql`select 1 from tours where id = ${input.tourId}`);
		if (!t) throw new EditValidationError(`No tour ${input.tourId}.`, { tourId: 'pipeline.proposal_unknown_tour' });
	}
	if (input.expiresOn && input.expiresOn < new Date().toISOString().slice(0, 10))
		throw new EditValidationError('The link cannot expire in the past.', { expiresOn: 'pipeline.expiry_past' });
}

export async function listProposals(db: Rows, user: SessionUser | null): Promise<Proposal[]> {
	requireStaff(user);
	return (await db.rows<Record<string, unknown>>(sql`select ${COLUMNS} from ${FROM} order by r.updated_at desc limit 500`)).map(proposalOf);
}

export async function readProposal(db: Rows, user: SessionUser | null, id: number): Promise<Proposal> {
	requireStaff(user);
	const [r] = await db.rows<Record<string, unknown>>(sql`select ${COLUMNS} from ${FROM} where r.id = ${id}`);
	if (!r) throw new NotFoundError(`No proposal ${id}.`);
	return proposalOf(r);
}

const image = (p: Proposal) => {
	const { token: _t, views: _v, lastViewedOn: _l, live: _live, ...rest } = p;
	return rest;
};

/** A new proposal; returns it with its access code, shown once (only its hash is kept). */
export async function createProposal(db: Database, user: SessionUser | null, input: ProposalInput): Promise<{ proposal: Proposal; code: string }> {
	const u = requireStaff(user);
	const code = newCode();
	const codeHash = await hashPassword(code);
	const token = randomBytes(24).toString('base64url');
	const proposal = await db.transaction(async (tx) => {
		await checkRefs(tx, input);
		const [r] = await tx.rows<{ id: number }>(sql`
			insert into proposals (title, delegation, intro, sites, tour_id, contact_name, contact_phone, contact_email, locale, token, code_hash, expires_at, created_by)
			values (${input.title}, ${input.delegation}, ${input.intro}, ${JSON.stringify(input.sites)}::jsonb, ${input.tourId}, ${input.contactName},
				${input.contactPhone}, ${input.contactEmail}, ${input.locale}, ${token}, ${codeHash}, ${expiryOf(input.expiresOn)}::timestamptz, ${u.id})
			returning id`);
		const p = await readProposal(tx, u, Number(r.id));
		await recordAudit(tx, u, 'create', 'proposal', p.id, null, image(p));
		return p;
	});
	return { proposal, code };
}

/** The proposal's content changed (409 when stale); the link and code stay. */
export async function updateProposal(db: Database, user: SessionUser | null, id: number, version: number, input: ProposalInput): Promise<Proposal> {
	const u = requireStaff(user);
	return db.transaction(async (tx) => {
		const before = await readProposal(tx, u, id);
		if (before.version !== version) throw new ConflictError(before);
		await checkRefs(tx, input);
		await tx.rows(sql`
			update proposals set title = ${input.title}, delegation = ${input.delegation}, intro = ${input.intro}, sites = ${JSON.stringify(input.sites)}::jsonb,
				tour_id = ${input.tourId}, contact_name = ${input.contactName}, contact_phone = ${input.contactPhone}, contact_email = ${input.contactEmail},
				locale = ${input.locale}, expires_at = ${expiryOf(input.expiresOn)}::timestamptz, version = version + 1, updated_at = now()
			where id = ${id}`);
		const after = await readProposal(tx, u, id);
		await recordAudit(tx, u, 'update', 'proposal', id, image(before), image(after));
		return after;
	});
}

/** Revokes the link for good: the page answers 404 from now on. */
export async function revokeProposal(db: Database, user: SessionUser | null, id: number, version: number): Promise<Proposal> {
	const u = requireStaff(user);
	return db.transaction(async (tx) => {
		const before = await readProposal(tx, u, id);
		if (before.version !== version) throw new ConflictError(before);
		await tx.rows(sql`update proposals set revoked_at = coalesce(revoked_at, now()), version = version + 1, updated_at = now() where id = ${id}`);
		const after = await readProposal(tx, u, id);
		await recordAudit(tx, u, 'revoke', 'proposal', id, image(before), image(after));
		return after;
	});
}

/** A new access code (the old one stops working); shown once. */
export async function newAccessCode(db: Database, user: SessionUser | null, id: number, version: number): Promise<{ proposal: Proposal; code: string }> {
	const u = requireStaff(user);
	const code = newCode();
	const codeHash = await hashPassword(code);
	const proposal = await db.transaction(async (tx) => {
		const before = await readProposal(tx, u, id);
		if (before.version !== version) throw new ConflictError(before);
		await tx.rows(
			sql`update proposals set code_hash = ${codeHash}, failed_codes = 0, failed_since = null, version = version + 1, updated_at = now() where id = ${id}`
		);
		const after = await readProposal(tx, u, id);
		await recordAudit(tx, u, 'update', 'proposal', id, image(before), { ...image(after), accessCode: 'renewed' });
		return after;
	});
	return { proposal, code };
}

// ------------------------------------------------------------------ the shared page

const SECRET = process.env.SITEATLAS_SECRET ?? randomBytes(32).toString('hex');
const TOKEN = /^[A-Za-z0-9_-]{32}$/;
const MAX_FAILED = 10;
const FAILED_WINDOW_MIN = 15;

/** What the browser keeps once the code was right: bound to the token and the code's hash, so a new code or a revoke ends it. */
const passOf = (token: string, codeHash: string) => createHmac('sha256', SECRET).update(`${token}:${codeHash}`).digest('base64url');

export class ProposalLocked extends Error {}

async function live(db: Rows, token: string) {
	if (!TOKEN.test(token)) return null;
	const [r] = await db.rows<{ id: number; code_hash: string; failed_codes: number; failed_since: unknown; expires_at: unknown; locale: string }>(sql`
		select id, code_hash, failed_codes, failed_since, expires_at, locale from proposals
		where token = ${token} and revoked_at is null and (expires_at is null or expires_at > now())`);
	return r ?? null;
}

/**
 * Checks an access code for a shared link. Returns the pass to keep in a cookie, or null when
 * the link is unknown, revoked or expired or the code is wrong (the page answers 404 for all of
 * them alike); throws ProposalLocked after too many wrong codes.
 */
export async function unlockProposal(
	db: Database,
	token: string,
	code: string
): Promise<{ pass: string; expiresAt: string | null; locale: 'zh-CN' | 'en' } | null> {
	const p = await live(db, token);
	if (!p) return null;
	const since = p.failed_since ? new Date(iso(p.failed_since)!).getTime() : 0;
	const inWindow = Date.now() - since < FAILED_WINDOW_MIN * 60_000;
	if (inWindow && Number(p.failed_codes) >= MAX_FAILED) throw new ProposalLocked('Too many wrong codes; try again in 15 minutes.');
	if (await verifyPassword(code, p.code_hash))
		return { pass: passOf(token, p.code_hash), expiresAt: iso(p.expires_at), locale: p.locale === 'en' ? 'en' : 'zh-CN' };
	await db.rows(sql`
		update proposals set failed_codes = case when ${inWindow} then failed_codes + 1 else 1 end,
			failed_since = case when ${inWindow} then failed_since else now() end
		where id = ${p.id}`);
	return null;
}

/** The proposal for its shared page, when the pass is right and the link alive (null otherwise); counts the view. */
export async function sharedProposal(db: Database, token: string, pass: string | undefined, countView = true): Promise<Proposal | null> {
	const p = await live(db, token);
	if (!p || !pass || pass !== passOf(token, p.code_hash)) return null;
	if (countView)
		await db.rows(sql`
			insert into proposal_views (proposal_id, day, views) values (${p.id}, current_date, 1)
			on conflict (proposal_id, day) do update set views = proposal_views.views + 1`);
	const [r] = await db.rows<Record<string, unknown>>(sql`select ${COLUMNS} from ${FROM} where r.id = ${p.id}`);
	return proposalOf(r);
}

export const proposalCookie = (token: string) => `sa_p_${token.slice(0, 12)}`;
