/** A small seeded PRNG (mulberry32): the same seed gives the same sample zone. */
export class Random {
	private state: number;
	constructor(seed: number) {
		this.state = seed >>> 0;
	}
	/** Uniform in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	range(min: number, max: number): number {
		return min + (max - min) * this.next();
	}
	int(min: number, maxInclusive: number): number {
		return Math.floor(this.range(min, maxInclusive + 1));
	}
	chance(p: number): boolean {
		return this.next() < p;
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}
	/** Picks by weight; weights need not sum to 1. */
	weighted<T>(entries: readonly (readonly [T, number])[]): T {
		const total = entries.reduce((s, [, w]) => s + w, 0);
		let r = this.next() * total;
		for (const [value, w] of entries) {
			r -= w;
			if (r < 0) return value;
		}
		return entries[entries.length - 1][0];
	}
	/** Normal deviate (Box–Muller). */
	normal(mean: number, sd: number): number {
		const u = 1 - this.next();
		const v = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}
	/** k distinct items, in the order drawn. */
	sample<T>(items: readonly T[], k: number): T[] {
		const pool = [...items];
		const out: T[] = [];
		while (out.length < k && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
		return out;
	}
}
