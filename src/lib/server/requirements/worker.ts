/**
 * The background job behind standing requirements and the outbox. Every interval it checks
 * the data versions of plots and buildings (every write bumps them): when they moved, all
 * active requirements are matched again (a site already notified never is again). Then the
 * outbox is handed to the mail transport when one is configured (`SITEATLAS_SMTP_URL`);
 * without one, messages stay pending and (by default, SITEATLAS_OUTBOX=log) the log says how
 * many are waiting — never to whom; SITEATLAS_OUTBOX=off keeps quiet.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rematchRequirements } from '.';
import { deliverOutbox, pendingOutbox } from '../mail/outbox';
import { transportFromEnv, type Transport } from '../mail';
import { every } from '../jobs';

export function startRequirementsWorker(db: Database, origin: string, intervalMs = 30_000, transport: Transport | null = transportFromEnv()): () => void {
	let lastVersion = -1;
	let lastPending = -1;
	return every(intervalMs, 'requirements', async () => {
		const [v] = await db.rows<{ v: number }>(sql`select sum(version)::int as v from layer_versions where layer in ('plots', 'buildings')`);
		if (Number(v.v) !== lastVersion) {
			const queued = await rematchRequirements(db, origin);
			if (queued > 0) console.log(`[requirements] ${queued} new matches queued`);
			lastVersion = Number(v.v);
		}
		if (transport) {
			const sent = await deliverOutbox(db, transport);
			if (sent > 0) console.log(`[outbox] ${sent} messages handed to the mail server`);
		} else if (process.env.SITEATLAS_OUTBOX !== 'off') {
			const pending = await pendingOutbox(db);
			if (pending !== lastPending && pending > 0) console.log(`[outbox] ${pending} messages pending in notification_outbox (no mail transport configured)`);
			lastPending = pending;
		}
	});
}
