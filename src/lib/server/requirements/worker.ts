/**
 * The background job behind standing requirements. Every interval it checks the data
 * versions of plots and buildings (every write bumps them): when they moved, all active
 * requirements are matched again (a site already notified never is again), then pending
 * messages are delivered. Delivery is a log by default; set SITEATLAS_OUTBOX=off to leave
 * messages in the outbox for another sender.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { deliverOutbox, logTransport, rematchRequirements } from '.';

export function startRequirementsWorker(db: Database, origin: string, intervalMs = 30_000): () => void {
	let lastVersion = -1;
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			const [v] = await db.rows<{ v: number }>(sql`select sum(version)::int as v from layer_versions where layer in ('plots', 'buildings')`);
			if (Number(v.v) !== lastVersion) {
				const queued = await rematchRequirements(db, origin);
				if (queued > 0) console.log(`[requirements] ${queued} new matches queued`);
				lastVersion = Number(v.v);
			}
			if (process.env.SITEATLAS_OUTBOX !== 'off') await deliverOutbox(db, logTransport);
		} catch (e) {
			console.warn(`[requirements] ${(e as Error).message}`);
		} finally {
			running = false;
		}
	};
	const timer = setInterval(tick, intervalMs);
	timer.unref();
	void tick();
	return () => clearInterval(timer);
}
