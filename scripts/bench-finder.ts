/**
 * Finder benchmark on the sample zone.
 *   npm run bench:finder                         embedded mode; also the browser figures when a build exists
 *   BENCH_DATABASE_URL=postgres://… npm run bench:finder   server mode too
 *
 * - Search: p50/p95 over a set of filter combinations, 20 rounds each (warm).
 * - Heat: p50/p95 of one aggregation request per metric at zooms 11–13 over the zone.
 * - Browser (built app, Debian Chromium): navigation to map idle with layers drawn,
 *   median of 5 fresh page loads; JavaScript fetched before the heat map is on, and
 *   whether deck.gl was among it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import { ensureSampleZone } from '../src/lib/server/sample/load';
import { matchPointsSql, searchSites } from '../src/lib/server/search';
import { heatCells, HEAT_METRICS } from '../src/lib/server/heat';
import { parseFinderQuery } from '../src/lib/domain/finder';

const COMBOS = [
	'',
	'industry=new_materials',
	'industry=new_materials&chain=rare_earth_catalysis&areaMin=30',
	'industry=new_materials&chain=rare_earth_catalysis&link=re_catalyst&areaMin=30&near=highway_exit&withinKm=10',
	'landUse=industrial,logistics&areaMin=20&areaMax=80&priceMax=25',
	'readiness=power,gas,heating&status=available,reserve',
	'near=port&withinKm=8&link=pl_forwarding',
	'polygon=118.48 37.39;118.52 37.39;118.52 37.41;118.48 37.41&industry=new_materials',
	'circle=118.585,37.47,1.5&stale=1',
	'kind=building&vacantMin=2000&rentMax=2&near=university&withinKm=5',
	'kind=building&buildingKind=office,incubator&industry=digital_economy',
	'bbox=118.55,37.45,118.62,37.49&pageSize=50'
];
const CENTRE = [118.62, 37.47];

/** The box a 1280×800 px viewport shows at a zoom, centred on the zone (what the browser asks for). */
function viewport(zoom: number): [number, number, number, number] {
	const degPerPx = 360 / (512 * 2 ** zoom);
	const w = 640 * degPerPx;
	const h = 400 * degPerPx * Math.cos((CENTRE[1] * Math.PI) / 180);
	return [CENTRE[0] - w, CENTRE[1] - h, CENTRE[0] + w, CENTRE[1] + h];
}

const pct = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const median = (xs: number[]) => pct(xs, 50);
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function benchDb(db: Database, label: string) {
	const times: number[] = [];
	const perCombo: string[] = [];
	for (const qs of COMBOS) await searchSites(db, parseFinderQuery(new URLSearchParams(qs)).query); // warm
	for (const qs of COMBOS) {
		const q = parseFinderQuery(new URLSearchParams(qs)).query;
		const t: number[] = [];
		let total = 0;
		for (let i = 0; i < 20; i++) {
			const start = performance.now();
			total = (await searchSites(db, q)).total;
			t.push(performance.now() - start);
		}
		times.push(...t);
		perCombo.push(`  ${ms(median(t)).padStart(9)} p50  ${String(total).padStart(4)} results  ${qs || '(defaults)'}`);
	}
	console.log(`\n${label} — search over ${COMBOS.length} filter combinations × 20: p50 ${ms(pct(times, 50))}, p95 ${ms(pct(times, 95))}`);
	console.log(perCombo.join('\n'));
	const heat: number[] = [];
	for (const metric of HEAT_METRICS) {
		for (const zoom of [11, 12, 13]) {
			for (let i = 0; i < 5; i++) {
				const start = performance.now();
				const points = metric === 'match' ? await matchPointsSql(db, parseFinderQuery(new URLSearchParams(COMBOS[2])).query, viewport(zoom)) : null;
				await heatCells(db, { metric, zoom, bbox: viewport(zoom) }, points);
				heat.push(performance.now() - start);
			}
		}
	}
	console.log(`${label} — heat aggregation, 4 metrics × z11–13 × 5, 1280×800 viewport: p50 ${ms(pct(heat, 50))}, p95 ${ms(pct(heat, 95))}`);
}

async function benchBrowser() {
	if (!existsSync('build/index.js')) {
		console.log('\n(No build/: run `npm run build` for the browser figures.)');
		return;
	}
	const { chromium } = await import('@playwright/test');
	const dir = mkdtempSync(path.join(tmpdir(), 'siteatlas-bench-web-'));
	const port = 4390;
	const server = spawn(process.execPath, ['build'], { env: { ...process.env, PORT: String(port), SITEATLAS_DATA_DIR: dir }, stdio: 'ignore' });
	try {
		for (let i = 0; i < 120; i++) {
			try {
				if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
			} catch {
				/* starting */
			}
			await new Promise((r) => setTimeout(r, 500));
		}
		const browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking']
		});
		const times: number[] = [];
		let jsBytes = 0;
		let deckBefore = false;
		for (let i = 0; i < 6; i++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
			const page = await context.newPage();
			const scripts: Promise<string>[] = [];
			page.on('response', (r) => {
				if (r.request().resourceType() === 'script') scripts.push(r.text().catch(() => ''));
			});
			const start = performance.now();
			await page.goto(`http://127.0.0.1:${port}/`);
			await page.locator('[data-testid="map"][data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });
			const elapsed = performance.now() - start;
			if (i > 0) times.push(elapsed); // the first load warms the server's tile cache
			const bodies = await Promise.all(scripts);
			jsBytes = bodies.reduce((s, b) => s + Buffer.byteLength(b), 0);
			deckBefore ||= bodies.some((b) => b.includes('deck.gl'));
			await context.close();
		}
		await browser.close();
		console.log(
			`\nBrowser — navigation to map idle with layers drawn: median ${ms(median(times))} of 5 (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms)`
		);
		console.log(
			`Browser — JavaScript before the heat map is on: ${(jsBytes / 1024).toFixed(0)} KB uncompressed; deck.gl among it: ${deckBefore ? 'YES' : 'no'}`
		);
	} finally {
		server.kill();
		rmSync(dir, { recursive: true, force: true });
	}
}

const embedded = await openDatabase({ dataDir: 'memory://' });
await ensureSampleZone(embedded, '2026-11-01');
await benchDb(embedded, 'Embedded (PGlite)');
await embedded.close();
if (process.env.BENCH_DATABASE_URL) {
	const server = await openDatabase({ url: process.env.BENCH_DATABASE_URL });
	await ensureSampleZone(server, '2026-11-01');
	await benchDb(server, 'Server (PostgreSQL + PostGIS)');
	await server.close();
}
await benchBrowser();
