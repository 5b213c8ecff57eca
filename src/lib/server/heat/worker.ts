/**
 * The demand heat map counts enquiries of the past year and page views of the past 90 days. Writes
 * keep its cells current (migration 0014); only the days moving on age them, so once a day the
 * demand cells are counted afresh, in one transaction: readers see the old cells or the new ones.
 * The day is kept in job_runs, so that an app start, or a second instance, does not count again
 * (at a million sites the count takes seconds and holds writers' heat updates meanwhile).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { every } from '../jobs';

/** Counts the demand cells afresh unless that was done today; true when it counted. */
export async function refreshDemandHeat(db: Database): Promise<boolean> {
	return db.transaction(async (tx) => {
		// Claims today's run; another instance claiming it at the same time waits here, then finds it done.
		const claimed = await tx.rows(sql`
			insert into job_runs (job, ran_on) values ('demand_heat', current_date)
			on conflict (job) do update set ran_on = excluded.ran_on where job_runs.ran_on < excluded.ran_on
			returning 1`);
		if (!claimed.length) return false;
		// Writers' triggers wait meanwhile, so that none adds to a cell being counted afresh.
		await tx.rows(sql`lock table heat_sources, heat_cells in share row exclusive mode`);
		await tx.rows(sql`select heat_rebuild(array['demand'])`);
		return true;
	});
}

export function startDemandHeatWorker(db: Database, intervalMs = 15 * 60_000): () => void {
	return every(intervalMs, 'heat', async () => {
		await refreshDemandHeat(db);
	});
}
