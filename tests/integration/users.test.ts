/**
 * Administering users (issue 11): only administrators; invitations that expire and work once;
 * temporary passwords that must be changed; role and park scope; disabling ends sessions at
 * once; the last active administrator stays; every change audited without secrets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/client';
import { changePassword, createUser, sessionUser, signIn, SignInError, userByEmail, type SessionUser } from '../../src/lib/server/auth';
import { PermissionError } from '../../src/lib/server/auth/permissions';
import { EditValidationError } from '../../src/lib/server/editing';
import { acceptInvitation, createUserAccount, invitationFor, listUsers, resetUserPassword, setUserActive, updateUserAccount } from '../../src/lib/server/users';
import { MODE, openEmptyDatabase, openTestDatabase } from './db';

const IP = 'users-test';

describe(`users (${MODE})`, () => {
	let db: Database;
	let admin: SessionUser;
	let staff: SessionUser;
	let editor: SessionUser;
	beforeAll(async () => {
		db = await openTestDatabase();
		admin = (await userByEmail(db, 'admin@demo.siteatlas'))!;
		staff = (await userByEmail(db, 'staff@demo.siteatlas'))!;
		editor = (await userByEmail(db, 'editor-nm@demo.siteatlas'))!;
	});
	afterAll(() => db?.close());

	const email = (name: string) => `${name}-${MODE}-${Math.random().toString(36).slice(2, 8)}@zone.example`;
	const audits = async (id: number) =>
		db.rows<{ action: string; before: unknown; after: unknown }>(
			sql`select action, before, after from audit_entries where entity = 'user' and entity_id = ${String(id)} order by id`
		);

	it('only administrators list, create, change, disable or reset users', async () => {
		for (const u of [staff, editor]) {
			await expect(listUsers(db, u)).rejects.toBeInstanceOf(PermissionError);
			await expect(createUserAccount(db, u, { email: email('x'), displayName: 'X', role: 'staff', parkCodes: [], mode: 'invite' })).rejects.toBeInstanceOf(
				PermissionError
			);
			await expect(setUserActive(db, u, admin.id, false)).rejects.toBeInstanceOf(PermissionError);
			await expect(updateUserAccount(db, u, u.id, { role: 'admin' })).rejects.toBeInstanceOf(PermissionError);
			await expect(resetUserPassword(db, u, admin.id, 'temporary')).rejects.toBeInstanceOf(PermissionError);
		}
		await expect(listUsers(db, null)).rejects.toMatchObject({ status: 401 });
		const list = await listUsers(db, admin);
		expect(list.find((u) => u.email === 'editor-nm@demo.siteatlas')).toMatchObject({ role: 'park_editor', parks: ['NM', 'NM-RE'], active: true });
	});

	it('an invitation works once, before it expires; the audit holds no secret', async () => {
		const address = email('invitee');
		const { user, credential } = await createUserAccount(db, admin, {
			email: address,
			displayName: '王工',
			role: 'park_editor',
			parkCodes: ['TE'],
			mode: 'invite'
		});
		expect(credential.mode).toBe('invite');
		const token = (credential as { token: string }).token;
		expect(user).toMatchObject({ role: 'park_editor', parks: ['TE'], active: true });
		expect(user.invitationExpiresAt).not.toBeNull();
		await expect(signIn(db, address, 'anything-at-all', IP)).rejects.toBeInstanceOf(SignInError);
		expect(await invitationFor(db, token)).toMatchObject({ email: address, purpose: 'invite' });
		await expect(acceptInvitation(db, token, 'short')).rejects.toBeInstanceOf(EditValidationError);
		expect(await acceptInvitation(db, token, 'my-own-password-1')).toBe(user.id);
		expect(await invitationFor(db, token)).toBeNull();
		await expect(acceptInvitation(db, token, 'another-password-1')).rejects.toMatchObject({ fields: { token: 'users.link_invalid' } });
		const { user: signed } = await signIn(db, address, 'my-own-password-1', IP);
		expect(signed).toMatchObject({ role: 'park_editor', mustChangePassword: false });
		expect((await listUsers(db, admin)).find((u) => u.id === user.id)!.lastSignInAt).not.toBeNull();
		const log = JSON.stringify(await audits(user.id));
		expect(log).toContain('create');
		expect(log).not.toMatch(/scrypt|invited\$|token/);

		// An expired link does nothing.
		const second = await resetUserPassword(db, admin, user.id, 'invite');
		await db.rows(sql`update invitations set expires_at = now() - interval '1 minute' where user_id = ${user.id} and used_at is null`);
		await expect(acceptInvitation(db, (second as { token: string }).token, 'late-password-11')).rejects.toMatchObject({
			fields: { token: 'users.link_invalid' }
		});
	});

	it('a temporary password must be changed at the first sign-in', async () => {
		const address = email('temp');
		const { user, credential } = await createUserAccount(db, admin, { email: address, displayName: 'Temp', role: 'staff', parkCodes: [], mode: 'temporary' });
		const password = (credential as { password: string }).password;
		expect(password).toHaveLength(16);
		const { token, user: first } = await signIn(db, address, password, IP);
		expect(first.mustChangePassword).toBe(true);
		await changePassword(db, user.id, password, 'chosen-password-1', token);
		expect((await sessionUser(db, token))!.mustChangePassword).toBe(false);
	});

	it('role and parks change; disabling ends every session at once; enabling lets them back', async () => {
		const address = email('scope');
		const { user, credential } = await createUserAccount(db, admin, { email: address, displayName: 'Scope', role: 'staff', parkCodes: [], mode: 'temporary' });
		const { token } = await signIn(db, address, (credential as { password: string }).password, IP);
		const changed = await updateUserAccount(db, admin, user.id, { role: 'park_editor', parkCodes: ['NM'] });
		expect(changed).toMatchObject({ role: 'park_editor', parks: ['NM'] });
		await expect(updateUserAccount(db, admin, user.id, { role: 'park_editor', parkCodes: [] })).rejects.toMatchObject({
			fields: { parks: 'users.parks_required' }
		});
		await expect(updateUserAccount(db, admin, user.id, { parkCodes: ['NO-SUCH'] })).rejects.toMatchObject({ fields: { parks: 'users.park_unknown' } });
		expect((await sessionUser(db, token))!.parkIds.length).toBe(1);
		await setUserActive(db, admin, user.id, false);
		expect(await sessionUser(db, token)).toBeNull();
		await expect(signIn(db, address, (credential as { password: string }).password, IP)).rejects.toBeInstanceOf(SignInError);
		await setUserActive(db, admin, user.id, true);
		const again = await signIn(db, address, (credential as { password: string }).password, IP);
		expect(again.user.role).toBe('park_editor');
		const actions = (await audits(user.id)).map((a) => a.action);
		expect(actions).toEqual(['create', 'update', 'update', 'update']);
	});

	it('the last active administrator can be neither demoted nor disabled', async () => {
		// In an empty zone of its own: no other test's administrators count.
		const empty = await openEmptyDatabase();
		try {
			const firstId = await createUser(empty, { email: 'first@zone.example', displayName: 'First', password: 'first-password-1', role: 'admin' });
			const first = (await userByEmail(empty, 'first@zone.example'))!;
			await expect(setUserActive(empty, first, firstId, false)).rejects.toMatchObject({ fields: { role: 'users.last_admin' } });
			await expect(updateUserAccount(empty, first, firstId, { role: 'staff' })).rejects.toMatchObject({ fields: { role: 'users.last_admin' } });
			const { user: second } = await createUserAccount(empty, first, {
				email: 'second@zone.example',
				displayName: 'Second',
				role: 'admin',
				parkCodes: [],
				mode: 'temporary'
			});
			// Two: either may go, and then the other is the last.
			await updateUserAccount(empty, first, firstId, { role: 'staff' });
			const secondUser = (await userByEmail(empty, 'second@zone.example'))!;
			await expect(setUserActive(empty, secondUser, second.id, false)).rejects.toMatchObject({ fields: { role: 'users.last_admin' } });
			expect((await listUsers(empty, secondUser)).filter((u) => u.role === 'admin' && u.active).map((u) => u.email)).toEqual(['second@zone.example']);
		} finally {
			await empty.close();
		}
	});
});
