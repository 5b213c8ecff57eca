/**
 * Page views of public site pages (the demand heat metric), counted in memory and written to
 * `site_views` in one statement every few seconds, so that a busy page costs no write per view.
 * Losing the last few seconds of counts in a crash is harmless; a clean stop writes them.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { describeError } from '../log';

const FLUSH_MS = 5_000;

export class SiteViewCounter {
	private counts = new Map<string, number>();
	private db: Database | null = null;
	private timer: ReturnType<typeof setTimeout> | null = null;

	count(db: Database, kind: 'plot' | 'building' | 'park', code: string): void {
		this.db = db;
		const key = `${kind}\u0000${code}`;
		this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
		if (!this.timer) {
			this.timer = setTimeout(() => void this.flush(), FLUSH_MS);
			this.timer.unref();
		}
	}

	/** Writes the counts so far: one upsert for all sites viewed since the last one. */
	async flush(): Promise<void> {
		this.timer = null;
		if (!this.db || this.counts.size === 0) return;
		const rows = [...this.counts].map(([key, views]) => {
			const [kind, code] = key.split('\u0000');
			return { kind, code, views };
		});
		this.counts = new Map();
		try {
			await this.db.rows(sql`
				insert into site_views (site_kind, site_code, day, views)
				select v.kind, v.code, current_date, v.views from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(kind text, code text, views int)
				on conflict (site_kind, site_code, day) do update set views = site_views.views + excluded.views`);
		} catch (e) {
			console.warn(`[site views] ${rows.length} counts not written: ${describeError(e)}`);
		}
	}
}

export const siteViews = new SiteViewCounter();
