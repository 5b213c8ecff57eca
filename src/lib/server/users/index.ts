/**
 * Administering the zone's users (issue 11): list them with their role, parks, last sign-in
 * and status; create one with an invitation link (a one-time token that expires) or a
 * temporary password that must be changed at the first sign-in; change role and park scope;
 * disable (their sessions end at once) and re-enable; reset a password. The last active
 * administrator can be neither demoted nor disabled. Every change is audited, without
 * password hashes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { textList } from '../db/lists';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/password';
import { requireAdmin as requireAdminRole } from '../auth/permissions';
import { recordAudit } from '../audit';
import { EditValidationError, NotFoundError } from '../editing/errors';
import { iso, pgArray } from '../db/values';
import type { Role } from '../../domain/vocab';

/** How long an invitation or reset link stays valid. */
export const INVITATION_HOURS = 72;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** A password hash no password matches: an invited user signs in only after accepting. */
const unusableHash = () => `invited$${randomBytes(16).toString('base64url')}`;

const requireAdmin = (user: SessionUser | null | undefined) => requireAdminRole(user, 'Only administrators may manage users.');

export interface UserRow {
	id: number;
	email: string;
	displayName: string;
	role: Role;
	parks: string[];
	active: boolean;
	mustChangePassword: boolean;
	lastSignInAt: string | null;
	createdAt: string;
	/** An invitation not yet accepted, and until when it is valid. */
	invitationExpiresAt: string | null;
}

const USER_COLUMNS = sql`u.id, u.email, u.display_name, u.role, u.active, u.must_change_password, u.last_sign_in_at, u.created_at,
	array(select k.code from user_parks up join parks k on k.id = up.park_id where up.user_id = u.id order by k.code) as parks,
	(select max(i.expires_at) from invitations i where i.user_id = u.id and i.used_at is null and i.expires_at > now()) as invitation_expires_at`;

function rowOf(r: Record<string, unknown>): UserRow {
	return {
		id: Number(r.id),
		email: String(r.email),
		displayName: String(r.display_name),
		role: r.role as Role,
		parks: pgArray(r.parks),
		active: Boolean(r.active),
		mustChangePassword: Boolean(r.must_change_password),
		lastSignInAt: iso(r.last_sign_in_at),
		createdAt: iso(r.created_at)!,
		invitationExpiresAt: iso(r.invitation_expires_at)
	};
}

export async function listUsers(db: Pick<Database, 'rows'>, user: SessionUser | null): Promise<UserRow[]> {
	requireAdmin(user);
	const rows = await db.rows<Record<string, unknown>>(sql`select ${USER_COLUMNS} from users u order by u.role, lower(u.email)`);
	return rows.map(rowOf);
}

async function userRow(tx: Pick<TxHandle, 'rows'>, id: number, lock = false): Promise<UserRow> {
	const [r] = await tx.rows<Record<string, unknown>>(sql`select ${USER_COLUMNS} from users u where u.id = ${id} ${lock ? sql`for update` : sql``}`);
	if (!r) throw new NotFoundError(`No user ${id}.`);
	return rowOf(r);
}

/** The audited image of a user: never a password hash or a token. */
const image = (u: UserRow) => ({
	email: u.email,
	displayName: u.displayName,
	role: u.role,
	parks: u.parks,
	active: u.active,
	mustChangePassword: u.mustChangePassword
});

async function setParks(tx: TxHandle, userId: number, role: Role, parkCodes: string[]) {
	await tx.rows(sql`delete from user_parks where user_id = ${userId}`);
	if (role !== 'park_editor') return;
	if (!parkCodes.length) throw new EditValidationError('A park editor needs at least one park.', { parks: 'users.parks_required' });
	const found = await tx.rows<{ id: number; code: string }>(sql`select id, code from parks where code in ${textList(parkCodes)}`);
	const missing = parkCodes.filter((c) => !found.some((f) => f.code === c));
	if (missing.length) throw new EditValidationError(`No park ${missing.join(', ')}.`, { parks: 'users.park_unknown' });
	for (const p of found) await tx.rows(sql`insert into user_parks (user_id, park_id) values (${userId}, ${p.id})`);
}

/** Refuses a change that would leave the zone without an active administrator (under a lock, so two cannot race past it). */
async function keepAnAdmin(tx: TxHandle, userId: number, staysActiveAdmin: boolean) {
	await tx.rows(sql`select pg_advisory_xact_lock(hashtext('siteatlas-admins'))`);
	if (staysActiveAdmin) return;
	const [r] = await tx.rows<{ n: number }>(sql`select count(*)::int as n from users where role = 'admin' and active and id <> ${userId}`);
	if (Number(r.n) === 0) throw new EditValidationError('This is the last active administrator: make another one first.', { role: 'users.last_admin' });
}

async function newInvitation(tx: TxHandle, userId: number, by: number, purpose: 'invite' | 'reset'): Promise<{ token: string; expiresAt: string }> {
	const token = randomBytes(32).toString('base64url');
	// A new link replaces any earlier one that was not used.
	await tx.rows(sql`update invitations set used_at = now() where user_id = ${userId} and used_at is null`);
	const [r] = await tx.rows<{ expires_at: Date | string }>(sql`
		insert into invitations (user_id, token_hash, purpose, expires_at, created_by)
		values (${userId}, ${sha256(token)}, ${purpose}, now() + make_interval(hours => ${INVITATION_HOURS}), ${by}) returning expires_at`);
	return { token, expiresAt: iso(r.expires_at)! };
}

/** A temporary password: 16 characters from an alphabet without look-alikes. */
function temporaryPassword(): string {
	const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
	return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}

export interface NewUser {
	email: string;
	displayName: string;
	role: Role;
	parkCodes: string[];
	locale?: 'zh-CN' | 'en';
	/** An invitation link (default), or a temporary password to hand over. */
	mode: 'invite' | 'temporary';
}

export type Credential = { mode: 'invite'; token: string; expiresAt: string } | { mode: 'temporary'; password: string };

export async function createUserAccount(db: Database, user: SessionUser | null, input: NewUser): Promise<{ user: UserRow; credential: Credential }> {
	const admin = requireAdmin(user);
	const email = input.email.trim();
	const password = input.mode === 'temporary' ? temporaryPassword() : null;
	const hash = password ? await hashPassword(password) : unusableHash();
	return db.transaction(async (tx) => {
		const [taken] = await tx.rows(sql`select 1 from users where lower(email) = lower(${email})`);
		if (taken) throw new EditValidationError(`There is already a user ${email}.`, { email: 'users.email_taken' });
		const [r] = await tx.rows<{ id: number }>(sql`
			insert into users (email, display_name, password_hash, role, locale, must_change_password)
			values (${email}, ${input.displayName.trim()}, ${hash}, ${input.role}, ${input.locale ?? 'zh-CN'}, ${!!password}) returning id`);
		const id = Number(r.id);
		await setParks(tx, id, input.role, input.parkCodes);
		const credential: Credential = password ? { mode: 'temporary', password } : { mode: 'invite', ...(await newInvitation(tx, id, admin.id, 'invite')) };
		const created = await userRow(tx, id);
		await recordAudit(tx, admin, 'create', 'user', id, null, image(created));
		return { user: created, credential };
	});
}

export async function updateUserAccount(
	db: Database,
	user: SessionUser | null,
	id: number,
	change: { displayName?: string; role?: Role; parkCodes?: string[] }
): Promise<UserRow> {
	const admin = requireAdmin(user);
	return db.transaction(async (tx) => {
		const before = await userRow(tx, id, true);
		const role = change.role ?? before.role;
		await keepAnAdmin(tx, id, !(before.role === 'admin' && before.active) || role === 'admin');
		if (change.displayName !== undefined) await tx.rows(sql`update users set display_name = ${change.displayName.trim()} where id = ${id}`);
		if (change.role !== undefined) await tx.rows(sql`update users set role = ${role} where id = ${id}`);
		if (change.role !== undefined || change.parkCodes !== undefined) await setParks(tx, id, role, change.parkCodes ?? before.parks);
		const after = await userRow(tx, id);
		await recordAudit(tx, admin, 'update', 'user', id, image(before), image(after));
		return after;
	});
}

/** Disables a user (every session of theirs ends at once) or enables them again. */
export async function setUserActive(db: Database, user: SessionUser | null, id: number, active: boolean): Promise<UserRow> {
	const admin = requireAdmin(user);
	return db.transaction(async (tx) => {
		const before = await userRow(tx, id, true);
		await keepAnAdmin(tx, id, active || before.role !== 'admin' || !before.active);
		await tx.rows(sql`update users set active = ${active} where id = ${id}`);
		if (!active) {
			await tx.rows(sql`delete from sessions where user_id = ${id}`);
			await tx.rows(sql`update invitations set used_at = now() where user_id = ${id} and used_at is null`);
		}
		const after = await userRow(tx, id);
		await recordAudit(tx, admin, 'update', 'user', id, image(before), image(after));
		return after;
	});
}

/** A new password for a user: a reset link, or a temporary password they must change. Their sessions end. */
export async function resetUserPassword(db: Database, user: SessionUser | null, id: number, mode: 'invite' | 'temporary'): Promise<Credential> {
	const admin = requireAdmin(user);
	const password = mode === 'temporary' ? temporaryPassword() : null;
	const hash = password ? await hashPassword(password) : unusableHash();
	return db.transaction(async (tx) => {
		const before = await userRow(tx, id, true);
		await tx.rows(sql`update users set password_hash = ${hash}, must_change_password = ${!!password} where id = ${id}`);
		await tx.rows(sql`delete from sessions where user_id = ${id}`);
		const credential: Credential = password ? { mode: 'temporary', password } : { mode: 'invite', ...(await newInvitation(tx, id, admin.id, 'reset')) };
		await recordAudit(tx, admin, 'update', 'user', id, image(before), { ...image(await userRow(tx, id)), passwordReset: mode });
		return credential;
	});
}

/** Who an invitation or reset link is for, while it is valid and unused; null otherwise. */
export async function invitationFor(
	db: Pick<Database, 'rows'>,
	token: string
): Promise<{ email: string; displayName: string; purpose: 'invite' | 'reset' } | null> {
	if (!token || token.length > 100) return null;
	const [r] = await db.rows<{ email: string; display_name: string; purpose: 'invite' | 'reset' }>(sql`
		select u.email, u.display_name, i.purpose from invitations i join users u on u.id = i.user_id
		where i.token_hash = ${sha256(token)} and i.used_at is null and i.expires_at > now() and u.active`);
	return r ? { email: r.email, displayName: r.display_name, purpose: r.purpose } : null;
}

/** Accepts an invitation or reset link with the user's own password: once, before it expires. */
export async function acceptInvitation(db: Database, token: string, password: string): Promise<number> {
	if (password.length < MIN_PASSWORD_LENGTH)
		throw new EditValidationError(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, { password: 'form.too_short' });
	const hash = await hashPassword(password);
	return db.transaction(async (tx) => {
		const [r] = await tx.rows<{ user_id: number }>(sql`
			update invitations i set used_at = now() from users u
			where i.token_hash = ${sha256(token.slice(0, 100))} and i.used_at is null and i.expires_at > now() and u.id = i.user_id and u.active
			returning i.user_id`);
		if (!r)
			throw new EditValidationError('This link has expired or has already been used; ask an administrator for a new one.', { token: 'users.link_invalid' });
		const id = Number(r.user_id);
		await tx.rows(sql`update users set password_hash = ${hash}, must_change_password = false where id = ${id}`);
		await tx.rows(sql`delete from sessions where user_id = ${id}`);
		await recordAudit(tx, { id }, 'update', 'user', id, null, { passwordSet: 'invitation' });
		return id;
	});
}
