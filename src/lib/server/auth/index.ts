/**
 * Sign-in, sessions and the signed-in user. Sessions live in the database; the cookie
 * holds a random token and the table only its SHA-256, so a leaked table opens nothing.
 * Failed sign-ins are limited per account and per address.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { pgArray } from '../db/values';
import type { Database } from '../db/client';
import type { Role } from '../../domain/vocab';
import { hashPassword, verifyPassword, MIN_PASSWORD_LENGTH } from './password';

export const SESSION_COOKIE = 'sa_session';
export const SESSION_DAYS = 30;
/** Failed attempts allowed in the window, per account and per address. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const FAILURE_WINDOW_MINUTES = 15;

export interface SessionUser {
	id: number;
	email: string;
	displayName: string;
	role: Role;
	/** Parks a park editor may edit (empty for staff and admin, who may edit all). */
	parkIds: number[];
	locale: string;
	/** Signed in with a temporary password: must choose their own before anything else. */
	mustChangePassword?: boolean;
}

export class SignInError extends Error {
	constructor(readonly code: 'invalid' | 'throttled') {
		super(code === 'invalid' ? 'Wrong email or password.' : 'Too many failed attempts; try again in 15 minutes.');
	}
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createUser(
	db: Pick<Database, 'rows'>,
	u: { email: string; displayName: string; password: string; role: Role; parkCodes?: string[]; locale?: string }
): Promise<number> {
	if (u.password.length < MIN_PASSWORD_LENGTH) throw new Error(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
	const hash = await hashPassword(u.password);
	const [row] = await db.rows<{ id: number }>(sql`
		insert into users (email, display_name, password_hash, role, locale)
		values (${u.email.trim()}, ${u.displayName}, ${hash}, ${u.role}, ${u.locale ?? 'zh-CN'}) returning id`);
	for (const code of u.parkCodes ?? []) {
		const inserted = await db.rows(sql`insert into user_parks (user_id, park_id) select ${row.id}, id from parks where code = ${code} returning park_id`);
		if (inserted.length === 0) throw new Error(`No park "${code}".`);
	}
	return Number(row.id);
}

/**
 * Counts and records an attempt in one step, before the slow hash: under an advisory lock per
 * account and per address, the failures of the window are counted and, when the limit is not
 * reached, this attempt is written as a failure. A correct password deletes it again. So 30
 * parallel guesses for one account get 5 hashes and 25 refusals, not 30 hashes.
 * Returns the attempt's id, or null when sign-in is throttled.
 */
async function claimAttempt(db: Database, email: string, ipHash: string): Promise<number | null> {
	return db.transaction(async (tx) => {
		// Always account first, then address: two attempts never wait on each other in a cycle.
		await tx.rows(sql`select pg_advisory_xact_lock(hashtext(${`signin-account:${email}`}))`);
		await tx.rows(sql`select pg_advisory_xact_lock(hashtext(${`signin-address:${ipHash}`}))`);
		const [r] = await tx.rows<{ by_email: number; by_ip: number }>(sql`
			select count(*) filter (where email = ${email})::int as by_email, count(*) filter (where ip_hash = ${ipHash})::int as by_ip
			from sign_in_failures where at > now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES})`);
		if (Number(r.by_email) >= MAX_FAILURES_PER_ACCOUNT || Number(r.by_ip) >= MAX_FAILURES_PER_ADDRESS) return null;
		const [row] = await tx.rows<{ id: number }>(sql`insert into sign_in_failures (email, ip_hash) values (${email}, ${ipHash}) returning id`);
		return Number(row.id);
	});
}

/** Checks the password and opens a session; returns the cookie token. */
export async function signIn(db: Database, emailRaw: string, password: string, ipHash: string): Promise<{ token: string; user: SessionUser }> {
	const email = emailRaw.trim().toLowerCase();
	const attempt = await claimAttempt(db, email, ipHash);
	if (attempt === null) throw new SignInError('throttled');
	const [u] = await db.rows<{ id: number; password_hash: string; active: boolean }>(
		sql`select id, password_hash, active from users where lower(email) = ${email}`
	);
	// Verify against a dummy hash for unknown accounts too, so timing does not tell which exist.
	const ok = await verifyPassword(password, u?.password_hash ?? DUMMY_HASH);
	// A failed attempt stays recorded (it was written as one before the hash).
	if (!u || !ok || !u.active) throw new SignInError('invalid');
	await db.rows(sql`delete from sign_in_failures where email = ${email}`);
	await db.rows(sql`update users set last_sign_in_at = now() where id = ${u.id}`);
	const token = randomBytes(32).toString('base64url');
	await db.rows(sql`
		insert into sessions (id, user_id, expires_at) values (${sha256(token)}, ${u.id}, now() + make_interval(days => ${SESSION_DAYS}))`);
	const user = await sessionUser(db, token);
	return { token, user: user! };
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(86);

/** The user of a session token, or null when the session is unknown or expired. Extends sessions past half-life. */
export async function sessionUser(db: Database, token: string | undefined): Promise<SessionUser | null> {
	if (!token || token.length > 100) return null;
	const id = sha256(token);
	const [r] = await db.rows<{
		id: number;
		email: string;
		display_name: string;
		role: Role;
		locale: string;
		park_ids: number[] | string;
		renew: boolean;
		must_change_password: boolean;
	}>(sql`
		select u.id, u.email, u.display_name, u.role, u.locale, u.must_change_password,
			array(select park_id from user_parks where user_id = u.id order by park_id) as park_ids,
			s.expires_at < now() + make_interval(days => ${SESSION_DAYS / 2}) as renew
		from sessions s join users u on u.id = s.user_id
		where s.id = ${id} and s.expires_at > now() and u.active`);
	if (!r) return null;
	if (r.renew) await db.rows(sql`update sessions set expires_at = now() + make_interval(days => ${SESSION_DAYS}) where id = ${id}`);
	const parkIds = pgArray(r.park_ids).map(Number);
	return {
		id: Number(r.id),
		email: r.email,
		displayName: r.display_name,
		role: r.role,
		parkIds,
		locale: r.locale,
		mustChangePassword: Boolean(r.must_change_password)
	};
}

/** An active user by email, or (without one) the first active administrator: whom the command-line tools act as. */
export async function userByEmail(db: Pick<Database, 'rows'>, email?: string): Promise<SessionUser | null> {
	const [r] = await db.rows<{ id: number; email: string; display_name: string; role: Role; locale: string; park_ids: number[] | string }>(sql`
		select u.id, u.email, u.display_name, u.role, u.locale, array(select park_id from user_parks where user_id = u.id order by park_id) as park_ids
		from users u where u.active and ${email ? sql`lower(u.email) = lower(${email})` : sql`u.role = 'admin'`} order by u.id limit 1`);
	if (!r) return null;
	const parkIds = pgArray(r.park_ids).map(Number);
	return { id: Number(r.id), email: r.email, displayName: r.display_name, role: r.role, parkIds, locale: r.locale };
}

export async function signOut(db: Database, token: string | undefined): Promise<void> {
	if (token) await db.rows(sql`delete from sessions where id = ${sha256(token)}`);
}

/** Changes a password after checking the current one; ends the user's other sessions. */
export async function changePassword(db: Database, userId: number, current: string, next: string, keepToken: string): Promise<void> {
	const [u] = await db.rows<{ password_hash: string }>(sql`select password_hash from users where id = ${userId}`);
	if (!u || !(await verifyPassword(current, u.password_hash))) throw new SignInError('invalid');
	if (next.length < MIN_PASSWORD_LENGTH) throw new Error(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
	await db.rows(sql`update users set password_hash = ${await hashPassword(next)}, must_change_password = false where id = ${userId}`);
	await db.rows(sql`delete from sessions where user_id = ${userId} and id <> ${sha256(keepToken)}`);
}
