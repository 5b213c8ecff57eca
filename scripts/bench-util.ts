/** What the benchmarks share: percentiles, timing warm calls of one function, starting the built app. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

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

export async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer();
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

/** Starts the built app (`node build` in appDir) on a spare loopback port, on a fresh embedded database or on BENCH_DATABASE_URL. */
export async function startApp(
	mode: 'embedded' | 'server',
	appDir: string,
	databaseUrl = process.env.BENCH_DATABASE_URL,
	dataDirOf?: string
): Promise<{ base: string; child: ChildProcess; dataDir: string | null }> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const dataDir = mode === 'embedded' ? (dataDirOf ?? mkdtempSync(path.join(tmpdir(), 'siteatlas-bench-'))) : null;
	const env: Record<string, string> = {
		...(process.env as Record<string, string>),
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: base,
		SITEATLAS_OUTBOX: 'off'
	};
	delete env.DATABASE_URL;
	if (mode === 'server') Object.assign(env, { DATABASE_URL: databaseUrl!, SITEATLAS_SEED: 'sample' });
	else env.SITEATLAS_DATA_DIR = dataDir!;
	const child = spawn(process.execPath, ['build'], { cwd: appDir, env, stdio: ['ignore', 'ignore', 'inherit'] });
	for (let i = 0; i < 600; i++) {
		if (
			await fetch(`${base}/api/health`).then(
				(r) => r.ok,
				() => false
			)
		)
			return { base, child, dataDir };
		await new Promise((r) => setTimeout(r, 250));
	}
	child.kill('SIGKILL');
	throw new Error(`the app in ${appDir} did not start`);
}

/**
 * Requests every path once over `clients` concurrent connections: requests per second, each
 * request's time, and how many answers carried each value of `countHeader` (e.g. nginx's
 * X-Cache-Status). Any answer that is not 2xx throws.
 */
export async function requestAll(base: string, paths: string[], clients: number, countHeader?: string) {
	const times: number[] = [];
	const counted = new Map<string, number>();
	const t0 = performance.now();
	let i = 0;
	await Promise.all(
		Array.from({ length: clients }, async () => {
			while (i < paths.length) {
				const p = paths[i++];
				const t = performance.now();
				const res = await fetch(`${base}${p}`);
				await res.arrayBuffer();
				times.push(performance.now() - t);
				if (!res.ok) throw new Error(`${p} answered ${res.status}`);
				if (countHeader) {
					const v = res.headers.get(countHeader) ?? 'none';
					counted.set(v, (counted.get(v) ?? 0) + 1);
				}
			}
		})
	);
	return { perSecond: paths.length / ((performance.now() - t0) / 1000), times, counted };
}
