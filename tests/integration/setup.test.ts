/** A zone set up from nothing (issue 11): the first administrator is created once, and only while there are no users. */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { signIn } from '../../src/lib/server/auth';
import { createFirstAdmin, hasUsers } from '../../src/lib/server/users/setup';
import { EditValidationError } from '../../src/lib/server/editing/errors';
import { MODE, openEmptyDatabase } from './db';

describe(`first run (${MODE})`, () => {
	it('creates the first administrator once; a second first run, even in parallel, is refused', async () => {
		const db = await openEmptyDatabase();
		try {
			expect(await hasUsers(db)).toBe(false);
			await expect(createFirstAdmin(db, { email: 'not-an-email', displayName: 'X', password: 'long-enough-pass' })).rejects.toMatchObject({
				fields: { email: 'form.invalid_email' }
			});
			await expect(createFirstAdmin(db, { email: 'a@zone.example', displayName: 'A', password: 'short' })).rejects.toMatchObject({
				fields: { password: 'form.too_short' }
			});
			const results = await Promise.allSettled([
				createFirstAdmin(db, { email: 'first@zone.example', displayName: '李明', password: 'first-admin-pass' }),
				createFirstAdmin(db, { email: 'rival@zone.example', displayName: 'Rival', password: 'rival-admin-pass' })
			]);
			expect(results.filter((r) => r.status === 'fulfilled').length).toBe(1);
			const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
			expect(refused.reason).toBeInstanceOf(EditValidationError);
			expect(refused.reason.fields).toEqual({ email: 'users.setup_done' });
			const admins = await db.rows<{ email: string; role: string }>(sql`select email, role from users`);
			expect(admins.length).toBe(1);
			expect(admins[0].role).toBe('admin');
			const { user } = await signIn(db, admins[0].email, admins[0].email.startsWith('first') ? 'first-admin-pass' : 'rival-admin-pass', 'setup-test');
			expect(user.role).toBe('admin');
			const [audit] = await db.rows<{ n: number }>(sql`select count(*)::int as n from audit_entries where entity = 'user' and action = 'create'`);
			expect(Number(audit.n)).toBe(1);
		} finally {
			await db.close();
		}
	});
});
