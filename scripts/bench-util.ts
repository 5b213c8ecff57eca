/** What the benchmarks share: percentiles, and timing warm calls of one function. */

export const ROUNDS = 20;

/** The p-th percentile of some timings (nearest rank). */
export function pct(xs: number[], p: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Median and p95 of `rounds` warm calls (one call first to warm up). */
export async function time(fn: () => Promise<unknown>, rounds = ROUNDS): Promise<{ p50: number; p95: number }> {
	await fn();
	const t: number[] = [];
	for (let i = 0; i < rounds; i++) {
		const start = performance.now();
		await fn();
		t.push(performance.now() - start);
	}
	return { p50: pct(t, 50), p95: pct(t, 95) };
}
