/** The audit log for administrators (issue 11): filters, paging, before/after, and a CSV that no spreadsheet evaluates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/client';
import { userByEmail, type SessionUser } from '../../src/lib/server/auth';
import { PermissionError } from '../../src/lib/server/auth/permissions';
import { auditCsv, auditFilterSchema, auditLog, csvCell } from '../../src/lib/server/audit-log';
import { recordAudit } from '../../src/lib/server/audit';
import { MODE, openTestDatabase } from './db';

describe(`audit log (${MODE})`, () => {
	let db: Database;
	let admin: SessionUser;
	let editor: SessionUser;
	let code: string;
	beforeAll(async () => {
		db = await openTestDatabase();
		admin = (await userByEmail(db, 'admin@demo.siteatlas'))!;
		editor = (await userByEmail(db, 'editor-nm@demo.siteatlas'))!;
		// Entries of a record of its own, so that nothing another test file uses is touched.
		code = `AUDIT-${MODE}-${Math.random().toString(36).slice(2, 8)}`;
		await recordAudit(db, editor, 'create', 'plot', code, null, { notes: 'first' });
		await recordAudit(db, editor, 'update', 'plot', code, { notes: 'first' }, { notes: '=HYPERLINK("http://evil.example","点我")' });
	});
	afterAll(() => db?.close());

	const filter = (q: Record<string, string>) => auditFilterSchema.parse(q);

	it('is for administrators only', async () => {
		await expect(auditLog(db, editor, filter({}))).rejects.toBeInstanceOf(PermissionError);
		await expect(auditCsv(db, editor, filter({}))).rejects.toBeInstanceOf(PermissionError);
		await expect(auditLog(db, null, filter({}))).rejects.toMatchObject({ status: 401 });
	});

	it('filters by user, kind of record, record, action and date, newest first, with before and after', async () => {
		const r = await auditLog(db, admin, filter({ user: String(editor.id), entity: 'plot', record: code, action: 'update' }));
		expect(r.total).toBe(1);
		expect(r.rows[0]).toMatchObject({ user: editor.displayName, action: 'update', entity: 'plot', entityId: code });
		expect((r.rows[0].after as { notes: string }).notes).toContain('HYPERLINK');
		// A day either side: the database's time zone need not be UTC.
		const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
		expect((await auditLog(db, admin, filter({ record: code, from: day(-1), to: day(1) }))).total).toBe(2);
		expect((await auditLog(db, admin, filter({ record: code, to: '2000-01-01' }))).total).toBe(0);
		expect((await auditLog(db, admin, filter({ record: code, action: 'delete' }))).total).toBe(0);
		expect(() => filter({ from: '2026-02-30' })).toThrow();
		expect(() => filter({ action: 'drop' })).toThrow();
	});

	it('exports CSV with a BOM, quoted cells, and formulas neutralised', async () => {
		const csv = await auditCsv(db, admin, filter({ record: code }));
		expect(csv.startsWith('\uFEFF"id","at","user"')).toBe(true);
		expect(csv).toContain(code);
		expect(csv).not.toMatch(/,"=HYPERLINK/);
		expect(csvCell('=1+1')).toBe(`"'=1+1"`);
		expect(csvCell('-2')).toBe(`"'-2"`);
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
		expect(csvCell(null)).toBe('""');
	});
});
