/**
 * Setting up a zone from nothing: the first administrator, created once — by `npm run setup`
 * or the first-run page — and only while the database has no users at all (checked under a
 * lock, so two first runs cannot both win).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { createUser } from '../auth';
import { MIN_PASSWORD_LENGTH } from '../auth/password';
import { recordAudit } from '../audit';
import { EditValidationError } from '../editing/errors';

export async function hasUsers(db: Pick<Database, 'rows'>): Promise<boolean> {
	const [r] = await db.rows<{ any: boolean }>(sql`select exists (select 1 from users) as any`);
	return Boolean(r.any);
}

/** How far a zone is set up, for the administrator's checklist: parks, industries and users there are. */
export async function setupProgress(db: Pick<Database, 'rows'>): Promise<{ parks: number; industries: number; users: number }> {
	const [r] = await db.rows<{ parks: number; industries: number; users: number }>(
		sql`select (select count(*) from parks)::int as parks, (select count(*) from industries)::int as industries, (select count(*) from users)::int as users`
	);
	return { parks: Number(r.parks), industries: Number(r.industries), users: Number(r.users) };
}

export async function createFirstAdmin(
	db: Database,
	input: { email: string; displayName: string; password: string; locale?: 'zh-CN' | 'en' }
): Promise<number> {
	const email = input.email.trim();
	if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 200) throw new EditValidationError('Give a valid email address.', { email: 'form.invalid_email' });
	if (input.password.length < MIN_PASSWORD_LENGTH)
		throw new EditValidationError(`A password needs at least ${MIN_PASSWORD_LENGTH} characters.`, { password: 'form.too_short' });
	return db.transaction(async (tx) => {
		await tx.rows(sql`select pg_advisory_xact_lock(hashtext('siteatlas-admins'))`);
		if (await hasUsers(tx)) throw new EditValidationError('The zone already has users: sign in, or ask an administrator.', { email: 'users.setup_done' });
		const id = await createUser(tx, { email, displayName: input.displayName.trim() || email, password: input.password, role: 'admin', locale: input.locale });
		await recordAudit(tx, { id }, 'create', 'user', id, null, { email, displayName: input.displayName.trim() || email, role: 'admin', setup: true });
		return id;
	});
}
