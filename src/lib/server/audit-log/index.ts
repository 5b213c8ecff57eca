/**
 * The zone's audit log for administrators (issue 11): who did what, when, to which record,
 * with the state before and after — filtered by user, kind of record, record, kind of action
 * and date, page by page, and as CSV. Cells a spreadsheet would read as a formula are
 * quoted so that opening the export never runs one.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import type { SessionUser } from '../auth';
import { requireAdmin as requireAdminRole } from '../auth/permissions';
import { iso, parseJson } from '../db/values';
import { isRealDate } from '../../domain/input';
import { AUDIT_ACTIONS } from '../../domain/vocab';

export const AUDIT_PAGE_SIZE = 50;
/** Rows one CSV export may hold. */
export const AUDIT_CSV_MAX = 50_000;

const date = z
	.string()
	.refine((s) => s === '' || isRealDate(s), { message: 'form.invalid_date' })
	.optional();

export const auditFilterSchema = z.object({
	user: z.coerce.number().int().positive().max(2_147_483_647).optional(),
	entity: z
		.string()
		.regex(/^[a-z_-]{1,40}$/)
		.optional(),
	record: z.string().max(64).optional(),
	action: z.enum(AUDIT_ACTIONS).optional(),
	from: date,
	to: date,
	page: z.coerce.number().int().min(1).max(100_000).default(1)
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export interface AuditRow {
	id: number;
	at: string;
	user: string | null;
	userId: number | null;
	action: string;
	entity: string;
	entityId: string;
	importId: number | null;
	undoOf: number | null;
	before: unknown;
	after: unknown;
}

const requireAdmin = (user: SessionUser | null) => requireAdminRole(user, 'Only administrators read the audit log.');

function where(f: AuditFilter): SQL {
	const parts: SQL[] = [sql`true`];
	if (f.user) parts.push(sql`a.user_id = ${f.user}`);
	if (f.entity) parts.push(sql`a.entity = ${f.entity}`);
	if (f.record) parts.push(sql`a.entity_id = ${f.record}`);
	if (f.action) parts.push(sql`a.action = ${f.action}`);
	if (f.from) parts.push(sql`a.at >= ${f.from}::date`);
	if (f.to) parts.push(sql`a.at < ${f.to}::date + 1`);
	return sql.join(parts, sql` and `);
}

const rowOf = (r: Record<string, unknown>): AuditRow => ({
	id: Number(r.id),
	at: iso(r.at)!,
	user: (r.display_name as string) ?? null,
	userId: r.user_id === null ? null : Number(r.user_id),
	action: String(r.action),
	entity: String(r.entity),
	entityId: String(r.entity_id),
	importId: r.import_id === null ? null : Number(r.import_id),
	undoOf: r.undo_of === null ? null : Number(r.undo_of),
	before: parseJson(r.before),
	after: parseJson(r.after)
});

const SELECT = sql`select a.id, a.at, a.user_id, u.display_name, a.action, a.entity, a.entity_id, a.import_id, a.undo_of, a.before, a.after
	from audit_entries a left join users u on u.id = a.user_id`;

export async function auditLog(
	db: Pick<Database, 'rows'>,
	user: SessionUser | null,
	f: AuditFilter
): Promise<{ total: number; rows: AuditRow[]; page: number; pageSize: number }> {
	requireAdmin(user);
	const [{ n }] = await db.rows<{ n: number }>(sql`select count(*)::int as n from audit_entries a where ${where(f)}`);
	const rows = await db.rows<Record<string, unknown>>(
		sql`${SELECT} where ${where(f)} order by a.id desc limit ${AUDIT_PAGE_SIZE} offset ${(f.page - 1) * AUDIT_PAGE_SIZE}`
	);
	return { total: Number(n), rows: rows.map(rowOf), page: f.page, pageSize: AUDIT_PAGE_SIZE };
}

/** Who appears in the log, for the user filter. */
export async function auditUsers(db: Pick<Database, 'rows'>, user: SessionUser | null): Promise<{ id: number; name: string }[]> {
	requireAdmin(user);
	const rows = await db.rows<{ id: number; display_name: string }>(sql`select id, display_name from users order by display_name`);
	return rows.map((r) => ({ id: Number(r.id), name: r.display_name }));
}

/** A CSV cell: quoted, quotes doubled, and a leading = + - @ (or tab/CR) neutralised so no spreadsheet evaluates it. */
export function csvCell(v: unknown): string {
	let s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return `"${s.replace(/"/g, '""')}"`;
}

export const CSV_HEADER = ['id', 'at', 'user', 'action', 'entity', 'record', 'import', 'undo_of', 'before', 'after'];

/** Every entry the filters keep (at most AUDIT_CSV_MAX), newest first: for downloads. */
export async function auditEntries(db: Pick<Database, 'rows'>, user: SessionUser | null, f: AuditFilter): Promise<AuditRow[]> {
	requireAdmin(user);
	const rows = await db.rows<Record<string, unknown>>(sql`${SELECT} where ${where(f)} order by a.id desc limit ${AUDIT_CSV_MAX}`);
	return rows.map(rowOf);
}

/** The filtered log as CSV (UTF-8 with BOM, so spreadsheets read the Chinese text), newest first. */
export async function auditCsv(db: Pick<Database, 'rows'>, user: SessionUser | null, f: AuditFilter): Promise<string> {
	const lines = [CSV_HEADER.map(csvCell).join(',')];
	for (const r of await auditEntries(db, user, f))
		lines.push([r.id, r.at, r.user, r.action, r.entity, r.entityId, r.importId, r.undoOf, r.before, r.after].map(csvCell).join(','));
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
