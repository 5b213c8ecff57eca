/**
 * Load benchmark of the public map (not a test): many clients at once on the mix an investor's
 * browser sends — vector tiles, finder searches, site pages and heat-map requests — against the
 * built app (`node build`), on the embedded database and, with BENCH_DATABASE_URL, on a server.
 *
 *   npm run build && npm run bench:load
 *   BENCH_DATABASE_URL=postgres://… npm run bench:load          both modes
 *   BENCH_CLIENTS=200 BENCH_SECONDS=60 npm run bench:load       (the defaults)
 *   BENCH_APP_DIR=../other-checkout npm run bench:load          another build, for a before/after in one run
 *
 * Prints requests/s, latency p50/p99, non-2xx and 5xx answers, errors and time-outs, and the
 * server's resident memory before and after. Loopback only; the run stops by itself.
 */
import autocannon from 'autocannon';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startApp } from './bench-util';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const APP_DIR = path.resolve(process.env.BENCH_APP_DIR ?? '.');
/** A request slower than this counts as a time-out (a browser would have given up or retried). */
const TIMEOUT_S = 10;

function lon2x(lon: number, z: number) {
	return Math.floor(((lon + 180) / 360) * 2 ** z);
}
function lat2y(lat: number, z: number) {
	const r = (lat * Math.PI) / 180;
	return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
}

/** Tiles of the sample zone (118.4–118.8 E, 37.3–37.6 N) an investor pans over, z11–z15. */
function tiles(): string[] {
	const out: string[] = [];
	for (const z of [11, 12, 13, 14, 15]) {
		const [x0, x1] = [lon2x(118.42, z), lon2x(118.78, z)];
		const [y0, y1] = [lat2y(37.58, z), lat2y(37.32, z)];
		const step = Math.max(1, Math.ceil(((x1 - x0 + 1) * (y1 - y0 + 1)) / 40));
		let i = 0;
		for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) if (i++ % step === 0) out.push(`/tiles/all/${z}/${x}/${y}.mvt`);
	}
	return out;
}

const SEARCHES = [
	'/api/search?industry=new_materials',
	'/api/search?industry=new_materials&chain=rare_earth_catalysis&areaMin=30',
	'/api/search?industry=new_materials&chain=rare_earth_catalysis&link=re_catalyst&areaMin=30&near=highway_exit&withinKm=10',
	'/api/search?landUse=industrial,logistics&areaMin=20&areaMax=80&priceMax=25',
	'/api/search?kind=building&vacantMin=2000&rentMax=2',
	'/api/search?circle=118.585,37.47,1.5'
];
const HEAT = [
	'/api/heat?metric=available_land&z=12&bbox=118.43,37.33,118.77,37.57',
	'/api/heat?metric=vacant_floor&z=13&bbox=118.5,37.38,118.67,37.5',
	'/api/heat?metric=demand&z=12&bbox=118.43,37.33,118.77,37.57',
	'/api/heat?metric=match&z=12&bbox=118.43,37.33,118.77,37.57&industry=new_materials'
];

const rssMb = (pid: number) => {
	const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return m ? Math.round(Number(m[1]) / 1024) : NaN;
};

/** The mix, as one long shuffled cycle: 60 % tiles, 15 % searches, 15 % site pages, 10 % heat. */
async function mix(base: string): Promise<string[]> {
	const found = await (await fetch(`${base}/api/search?pageSize=20`)).json();
	const buildings = await (await fetch(`${base}/api/search?kind=building&pageSize=10`)).json();
	const pages = [
		...found.items.slice(0, 10).map((i: { code: string }) => `/plots/${i.code}`),
		...buildings.items.slice(0, 5).map((i: { code: string }) => `/buildings/${i.code}`),
		'/parks/NM',
		'/parks/TE'
	];
	const t = tiles();
	const pick = <T>(xs: T[], i: number) => xs[i % xs.length];
	const out: string[] = [];
	for (let i = 0; i < 400; i++) {
		const r = (i * 7919) % 100;
		out.push(r < 60 ? pick(t, i * 13) : r < 75 ? pick(SEARCHES, i) : r < 90 ? pick(pages, i) : pick(HEAT, i));
	}
	return out;
}

async function run(mode: 'embedded' | 'server') {
	const app = await startApp(mode, APP_DIR);
	try {
		const paths = await mix(app.base);
		// Warm-up: every address once, so the figures are of a running server, not of its first start.
		for (const p of new Set(paths)) await fetch(app.base + p).then((r) => r.arrayBuffer());
		const before = rssMb(app.child.pid!);
		let fiveHundreds = 0;
		const result = await autocannon({
			url: app.base,
			connections: CLIENTS,
			duration: SECONDS,
			timeout: TIMEOUT_S,
			requests: paths.map((p) => ({ method: 'GET', path: p })),
			setupClient: (client) => {
				client.on('response', (status: number) => {
					if (status >= 500) fiveHundreds++;
				});
			}
		});
		const after = rssMb(app.child.pid!);
		const alive = app.child.exitCode === null;
		console.log(
			[
				`${mode} (${path.relative('.', APP_DIR) || 'this checkout'}): ${CLIENTS} clients × ${SECONDS} s`,
				`  ${Math.round(result.requests.average)} requests/s (${result.requests.total} in all); latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
				`  non-2xx ${result.non2xx}, of them 5xx ${fiveHundreds}; errors ${result.errors}, time-outs (>${TIMEOUT_S} s) ${result.timeouts}`,
				`  server RSS ${before} MB before, ${after} MB after; ${alive ? 'still running' : 'EXITED'}`
			].join('\n')
		);
	} finally {
		app.child.kill('SIGTERM');
		// A server that does not stop within 20 s is stopped hard (and that is reported).
		const hard = setTimeout(() => {
			console.log('  (the server did not stop within 20 s of SIGTERM: killed)');
			app.child.kill('SIGKILL');
		}, 20_000);
		await new Promise((r) => app.child.once('exit', r));
		clearTimeout(hard);
		if (app.dataDir) rmSync(app.dataDir, { recursive: true, force: true });
	}
}

if (!existsSync(path.join(APP_DIR, 'build/index.js'))) {
	console.error(`No build in ${APP_DIR}: run npm run build first.`);
	process.exit(1);
}
await run('embedded');
if (process.env.BENCH_DATABASE_URL) await run('server');
