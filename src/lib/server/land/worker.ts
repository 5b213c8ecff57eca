/**
 * The ledgers' background job. Time alone moves the legal test (a year passes, an idle fee
 * becomes recovery) and months end, so once a day — and whenever the plots' data version moved
 * (an import, say) — it runs the test over the zone and gives every building its row for the
 * month (the month-end row: a building nothing happened to keeps last month's figures).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { every } from '../jobs';
import { detectAll } from './detect';
import { closeMonth } from '../economy/months';

export function startLedgerWorker(db: Database, intervalMs = 60_000): () => void {
	let lastDay = '';
	let lastVersion = -1;
	return every(intervalMs, 'land', async () => {
		const day = new Date().toISOString().slice(0, 10);
		const [v] = await db.rows<{ v: number }>(sql`select version::int as v from layer_versions where layer = 'plots'`);
		if (day === lastDay && Number(v?.v) === lastVersion) return;
		const found = await detectAll(db);
		if (found.opened || found.withdrawn) console.log(`[land] ${found.opened} suspected cases found, ${found.withdrawn} withdrawn`);
		if (day !== lastDay) await closeMonth(db);
		lastDay = day;
		lastVersion = Number(v?.v);
	});
}
