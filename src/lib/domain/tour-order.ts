/**
 * The order of a tour's stops that needs the least driving, with the first and last stop
 * fixed. Exact (Held–Karp dynamic programming) for up to 12 stops in between, which covers
 * any delegation's day; the result is never worse than the order given.
 */

export const MAX_OPTIMISED_STOPS = 14;

function cost(order: number[], m: number[][]): number {
	let c = 0;
	for (let i = 1; i < order.length; i++) c += m[order[i - 1]][order[i]];
	return c;
}

/** Best order of indices 0..n-1 through the time matrix, keeping 0 first and n-1 last. */
export function optimiseOrder(m: number[][]): { order: number[]; costS: number; givenCostS: number } {
	const n = m.length;
	const given = [...Array(n).keys()];
	const givenCostS = cost(given, m);
	if (n <= 3) return { order: given, costS: givenCostS, givenCostS };
	if (n > MAX_OPTIMISED_STOPS) throw new Error(`At most ${MAX_OPTIMISED_STOPS} stops can be optimised at once.`);
	const mids = given.slice(1, n - 1);
	const k = mids.length;
	const full = (1 << k) - 1;
	// dp[mask][j]: least cost from the start through the set `mask` of middle stops, ending at mids[j].
	const dp = Array.from({ length: 1 << k }, () => new Float64Array(k).fill(Infinity));
	const parent = Array.from({ length: 1 << k }, () => new Int8Array(k).fill(-1));
	for (let j = 0; j < k; j++) dp[1 << j][j] = m[0][mids[j]];
	for (let mask = 1; mask <= full; mask++) {
		for (let j = 0; j < k; j++) {
			if (!(mask & (1 << j)) || dp[mask][j] === Infinity) continue;
			for (let q = 0; q < k; q++) {
				if (mask & (1 << q)) continue;
				const next = mask | (1 << q);
				const c = dp[mask][j] + m[mids[j]][mids[q]];
				if (c < dp[next][q]) {
					dp[next][q] = c;
					parent[next][q] = j;
				}
			}
		}
	}
	let best = Infinity;
	let last = -1;
	for (let j = 0; j < k; j++) {
		const c = dp[full][j] + m[mids[j]][n - 1];
		if (c < best) {
			best = c;
			last = j;
		}
	}
	if (!(best < givenCostS)) return { order: given, costS: givenCostS, givenCostS };
	const path: number[] = [];
	for (let mask = full, j = last; j !== -1;) {
		path.push(mids[j]);
		const pj = parent[mask][j];
		mask &= ~(1 << j);
		j = pj;
	}
	const order = [0, ...path.reverse(), n - 1];
	return { order, costS: cost(order, m), givenCostS };
}
