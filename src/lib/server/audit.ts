/**
 * The audit log: every write of the console (records, photos, tours) leaves one entry saying
 * who did what to which record, with its state before and after (null where there is none).
 */
import { sql } from 'drizzle-orm';
import type { TxHandle } from './db/client';
import type { AuditAction } from '../domain/vocab';

export type { AuditAction };

const asJson = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

export async function recordAudit(
	tx: Pick<TxHandle, 'rows'>,
	user: { id: number },
	action: AuditAction,
	entity: string,
	entityId: string | number,
	before: unknown,
	after: unknown
): Promise<void> {
	await tx.rows(sql`
		insert into audit_entries (user_id, action, entity, entity_id, before, after)
		values (${user.id}, ${action}, ${entity}, ${String(entityId)}, ${asJson(before)}::jsonb, ${asJson(after)}::jsonb)`);
}
