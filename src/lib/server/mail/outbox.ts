/**
 * The outbox: messages to investors waiting for the mail transport. A sender claims a batch
 * (FOR UPDATE SKIP LOCKED, so two app instances never send the same message), hands each to
 * the transport and records what happened: sent with the transport's message id only when it
 * accepted the message; otherwise the attempt, the answer (never the recipient) and — after a
 * permanent refusal or too many tries — failed. A message that failed waits longer after each
 * try (2, 4, 8 … minutes, at most four hours); a claim a dead sender left is taken again.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { DeliveryError, type Transport } from '.';

/** A claim older than this is taken to be a sender that died mid-way; the message is sent again. */
const CLAIM_TIMEOUT_MINUTES = 10;
/** After this many failed attempts a message is failed, not retried (with the back-off, about eight hours). */
export const MAX_ATTEMPTS = 10;
/** A failed attempt waits 2^attempts minutes (at most four hours) before the next. */
const BACKOFF_MAX_MINUTES = 240;

export async function deliverOutbox(db: Database, transport: Transport, batch = 100): Promise<number> {
	const claimed = await db.transaction((tx) =>
		tx.rows<{ id: number; recipient: string; subject: string; body: string; attempts: number }>(sql`
			update notification_outbox set claimed_at = now()
			where id in (
				select id from notification_outbox
				where status = 'pending' and (claimed_at is null or claimed_at < now() - make_interval(mins => ${CLAIM_TIMEOUT_MINUTES}))
					and (last_attempt_at is null or last_attempt_at < now() - make_interval(mins => least(${BACKOFF_MAX_MINUTES}, power(2, attempts)::int)))
				order by id limit ${batch} for update skip locked)
			returning id, recipient, subject, body, attempts`)
	);
	let sent = 0;
	for (const m of claimed) {
		let accepted;
		try {
			accepted = await transport.send({ to: m.recipient, subject: m.subject, body: m.body });
		} catch (e) {
			const permanent = e instanceof DeliveryError && e.permanent;
			const text = e instanceof DeliveryError ? e.message : (e as Error).name;
			const failed = permanent || Number(m.attempts) + 1 >= MAX_ATTEMPTS;
			await db.rows(sql`
				update notification_outbox set claimed_at = null, attempts = attempts + 1, last_attempt_at = now(), last_error = ${text},
					status = ${failed ? 'failed' : 'pending'}
				where id = ${m.id}`);
			console.warn(`[outbox] message ${m.id} not delivered (${text}); ${failed ? 'failed' : 'it stays pending'}`);
			continue;
		}
		await db.rows(sql`
			update notification_outbox set status = 'sent', sent_at = now(), attempts = attempts + 1, last_attempt_at = now(), last_error = null,
				message_id = ${accepted?.messageId ?? null}
			where id = ${m.id}`);
		sent++;
	}
	return sent;
}

/** Messages waiting for a sender. */
export async function pendingOutbox(db: Database): Promise<number> {
	const [r] = await db.rows<{ n: number }>(sql`select count(*)::int as n from notification_outbox where status = 'pending'`);
	return Number(r.n);
}
