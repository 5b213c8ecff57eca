/**
 * The demand heat map counts enquiries of the past year and page views of the past 90 days. Writes
 * keep its cells current (migration 0014); only the days moving on age them, so once a day the
 * demand cells are counted afresh (and at start), in one transaction: readers see the old cells or the new ones.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { every } from '../jobs';

export function startDemandHeatWorker(db: Database, intervalMs = 15 * 60_000): () => void {
	let lastDay = '';
	return every(intervalMs, 'heat', async () => {
		const [{ day }] = await db.rows<{ day: string }>(sql`select current_date::text as day`);
		if (day === lastDay) return;
		await db.transaction(async (tx) => {
			// Writers' triggers wait meanwhile, so that none adds to a cell being counted afresh.
			await tx.rows(sql`lock table heat_sources, heat_cells in share row exclusive mode`);
			await tx.rows(sql`select heat_rebuild(array['demand'])`);
		});
		lastDay = day;
	});
}
