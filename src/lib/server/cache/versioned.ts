/**
 * Answers of the public read endpoints (finder, heat map, site pages, map labels, taxonomy),
 * kept by the data version they were computed at — as tiles are. Every write bumps a layer
 * version in its own transaction (lib/server/tiles/versions), so a cached answer is never
 * served after the data changed: the key carries all layer versions and the day (freshness
 * rules count days). Identical requests that arrive together share one computation.
 *
 * A new kind of write must bump a layer version, or its change would not be seen here.
 */
import type { Database } from '../db/client';
import { currentVersions } from '../tiles/versions';

/** The data version all cached answers depend on: every layer's version, and today's date. */
export async function dataVersion(db: Pick<Database, 'rows' | 'mode'>): Promise<string> {
	const { layers, day } = await currentVersions(db);
	return `${Object.entries(layers)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([l, v]) => `${l}=${v}`)
		.join(',')}@${day}`;
}

interface Entry {
	value: unknown;
	expires: number;
}

export class VersionedCache {
	private readonly entries = new Map<string, Entry>();
	private readonly pending = new Map<string, Promise<unknown>>();
	constructor(private readonly maxEntries = 400) {}

	/**
	 * The answer for `key` at the current data version: from the cache, from a computation
	 * already running, or computed now. `ttlMs` bounds how long an answer lives even without a
	 * write (for figures that move without a layer version, such as page views).
	 */
	async get<T>(db: Pick<Database, 'rows' | 'mode'>, key: string, compute: () => Promise<T>, ttlMs = 10 * 60_000): Promise<T> {
		const full = `${await dataVersion(db)}|${key}`;
		const hit = this.entries.get(full);
		if (hit && hit.expires > Date.now()) {
			this.entries.delete(full);
			this.entries.set(full, hit);
			return hit.value as T;
		}
		const running = this.pending.get(full);
		if (running) return running as Promise<T>;
		const p = compute().then(
			(value) => {
				this.pending.delete(full);
				this.entries.set(full, { value, expires: Date.now() + ttlMs });
				while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
				return value;
			},
			(e) => {
				this.pending.delete(full);
				throw e;
			}
		);
		this.pending.set(full, p);
		return p;
	}

	get size(): number {
		return this.entries.size;
	}
}

/** The one cache of public answers in this process. */
export const publicAnswers = new VersionedCache();
