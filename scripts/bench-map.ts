/**
 * First map idle (not a test): how long an investor waits from opening the portal to a drawn
 * map — navigation start to MapLibre's first `idle` (the map marks itself data-ready) — in
 * Debian's Chromium with software WebGL, on the built app and the embedded database.
 *
 *   npm run build && npm run bench:map
 *   BENCH_RUNS=15 npm run bench:map            (default 9 runs per page and cache state)
 *   BENCH_APP_DIR=../other-checkout npm run bench:map     another build, for a before/after
 *
 * Each "cold" run is a fresh browser context (empty HTTP cache); each "warm" run reloads in the
 * same context. Prints the median and p90 per page, with the bytes of script fetched cold.
 */
import { chromium, type Browser } from '@playwright/test';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pct, startApp } from './bench-util';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const APP_DIR = path.resolve(process.env.BENCH_APP_DIR ?? '.');
const PAGES = [
	{ name: 'map', path: '/' },
	{ name: 'map with a search', path: '/?industry=new_materials&areaMin=30&near=highway_exit&withinKm=10' }
];

/** Milliseconds from navigation start to the map's first idle, and the script bytes fetched. */
async function firstIdle(browser: Browser, url: string, warm: boolean): Promise<{ ms: number; scriptKb: number }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	if (warm)
		await page.goto(url, { waitUntil: 'load' }).then(() => page.locator('[data-testid=map][data-ready=true]').waitFor({ state: 'attached', timeout: 120_000 }));
	let scriptBytes = 0;
	page.on('response', async (r) => {
		if (r.request().resourceType() === 'script') scriptBytes += Number(r.headers()['content-length'] ?? (await r.body().catch(() => Buffer.alloc(0))).length);
	});
	await page.goto(url);
	await page.locator('[data-testid=map][data-ready=true]').waitFor({ state: 'attached', timeout: 120_000 });
	const ms = await page.evaluate(() => {
		const mark = performance.getEntriesByName('map-idle')[0];
		return mark ? mark.startTime : performance.now();
	});
	await context.close();
	return { ms, scriptKb: Math.round(scriptBytes / 1024) };
}

const app = await startApp('embedded', APP_DIR);
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
	args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--no-first-run']
});
try {
	// One visit first, so the server's own first-request work is not counted.
	await firstIdle(browser, `${app.base}/`, false);
	console.log(`First map idle, ${RUNS} runs each, Chromium ${browser.version()} with software WebGL (ms)`);
	console.log('page                 | cache | p50    | p90    | script KB');
	for (const p of PAGES) {
		for (const warm of [false, true]) {
			const runs: { ms: number; scriptKb: number }[] = [];
			for (let i = 0; i < RUNS; i++) runs.push(await firstIdle(browser, `${app.base}${p.path}`, warm));
			const ms = runs.map((r) => r.ms);
			console.log(
				`${p.name.padEnd(20)} | ${(warm ? 'warm' : 'cold').padEnd(5)} | ${pct(ms, 50).toFixed(0).padStart(6)} | ${pct(ms, 90).toFixed(0).padStart(6)} | ${String(runs[0].scriptKb).padStart(9)}`
			);
		}
	}
} finally {
	await browser.close();
	app.child.kill('SIGTERM');
	if (app.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
}
