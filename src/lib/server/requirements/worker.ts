/**
 * The background job behind standing requirements. Every interval it checks the data
 * versions of plots and buildings (every write bumps them): when they moved, all active
 * requirements are matched again (a site already notified never is again). No mail transport
 * ships yet, so messages stay pending in the outbox for a sender; by default
 * (SITEATLAS_OUTBOX=log) the log says how many are waiting — never to whom — and
 * SITEATLAS_OUTBOX=off keeps quiet. Nothing is ever marked sent that was not delivered.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { pendingOutbox, rematchRequirements } from '.';
import { every } from '../jobs';

export function startRequirementsWorker(db: Database, origin: string, intervalMs = 30_000): () => void {
	let lastVersion = -1;
	let lastPending = -1;
	return every(intervalMs, 'requirements', async () => {
		const [v] = await db.rows<{ v: number }>(sql`select sum(version)::int as v from layer_versions where layer in ('plots', 'buildings')`);
		if (Number(v.v) !== lastVersion) {
			const queued = await rematchRequirements(db, origin);
			if (queued > 0) console.log(`[requirements] ${queued} new matches queued`);
			lastVersion = Number(v.v);
		}
		if (process.env.SITEATLAS_OUTBOX !== 'off') {
			const pending = await pendingOutbox(db);
			if (pending !== lastPending && pending > 0) console.log(`[outbox] ${pending} messages pending in notification_outbox (no mail transport configured)`);
			lastPending = pending;
		}
	});
}
