/**
 * The portal at scale (not a test), in one run: 100k plots, 1M plots spread over a province
 * ("wide") and 1M small plots in one zone ("dense") on a PostgreSQL + PostGIS server, and 100k
 * plots embedded (PGlite). Each zone is generated once (`generate:scale`) into its own database
 * (`siteatlas_bench_100k`, `…_1m`, `…_1m_dense` on the server; `.data/bench-scale-100k`) and
 * kept for the next run.
 *
 *   npm run build && npm run bench:scale -- postgres://postgres@127.0.0.1:5432/
 *   npm run bench:scale -- postgres://…/ --only 100k,embedded       a subset
 *
 * Prints, per zone: the plots layer's tiles built by the app against a minimal ST_AsMVT query
 * on the same tiles (p50/p95 ms, largest size, features, ratio), per zoom; tiles per second
 * through HTTP (uncached app, raw SQL, cached app) at 2 and 8 clients; the finder over twelve
 * filter sets; every heat metric at z8–z14; the map page with a search. Then one table of all.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import { ensureSampleZone } from '../src/lib/server/sample/load';
import { generateScale } from '../src/lib/server/sample/scale';
import { buildTile, defaultEncoder } from '../src/lib/server/tiles/service';
import { tileOf, type TileXYZ } from '../src/lib/geo/tiles';
import { parseFinderQuery } from '../src/lib/domain/finder';
import { matchPointsSql, searchSites } from '../src/lib/server/search';
import { heatCells, HEAT_METRICS } from '../src/lib/server/heat';
import { pct, requestAll, startApp } from './bench-util';

const ZOOMS = [8, 10, 11, 12, 13, 14];
const TILES_PER_ZOOM = 12;
const ROUNDS = 3;
const APP_DIR = path.resolve(process.env.BENCH_APP_DIR ?? '.');

interface Zone {
	name: string;
	plots: number;
	dense: boolean;
	mode: 'server' | 'embedded';
}
const ZONES: Zone[] = [
	{ name: '100k', plots: 100_000, dense: false, mode: 'server' },
	{ name: '1m', plots: 1_000_000, dense: false, mode: 'server' },
	{ name: '1m-dense', plots: 1_000_000, dense: true, mode: 'server' },
	{ name: 'embedded', plots: 100_000, dense: false, mode: 'embedded' }
];

/** The twelve filter sets of the finder benchmark (issue 16). */
const SEARCHES = [
	'industry=new_materials',
	'industry=new_materials&chain=rare_earth_catalysis&areaMin=30',
	'industry=new_materials&chain=rare_earth_catalysis&link=re_catalyst&areaMin=30&near=highway_exit&withinKm=10',
	'landUse=industrial,logistics&areaMin=20&areaMax=80&priceMax=25',
	'status=available,negotiating&readiness=road,power,water_supply',
	'industry=transport_equipment&near=rail_station&withinKm=5',
	'kind=building&vacantMin=2000&rentMax=2',
	'kind=building&buildingKind=office&industry=modern_services',
	'circle=118.585,37.47,1.5',
	'polygon=118.45 37.35;118.7 37.35;118.7 37.55;118.45 37.55',
	'industry=aerospace&areaMin=10&areaMax=200&page=3',
	'stale=1&status=reserve,available,negotiating,signed'
];

const args = process.argv.slice(2);
const serverUrl = args.find((a) => /^postgres(ql)?:\/\//.test(a)) ?? process.env.BENCH_DATABASE_URL;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const zones = ZONES.filter((z) => (!only || only.includes(z.name)) && (z.mode === 'embedded' || serverUrl));
if (!serverUrl) console.log('No server URL given: only the embedded zone is measured (pass postgres://… for the server zones).');

const dbUrl = (name: string) => {
	const u = new URL(serverUrl!);
	u.pathname = `/${name}`;
	return u.toString();
};
const dbName = (z: Zone) => `siteatlas_bench_${z.name.replace('-', '_')}`;
const dataDir = (z: Zone) => path.resolve(`.data/bench-scale-${z.name}`);

/** Opens the zone's database, generating it first when it is not there yet. */
async function openZone(z: Zone): Promise<Database> {
	if (z.mode === 'server') {
		const admin = postgres(dbUrl('postgres'), { max: 1, onnotice: () => {} });
		const [exists] = await admin`select 1 from pg_database where datname = ${dbName(z)}`;
		if (!exists) await admin.unsafe(`create database ${dbName(z)}`);
		await admin.end();
	} else mkdirSync(dataDir(z), { recursive: true });
	const fresh = z.mode === 'embedded' && !existsSync(path.join(dataDir(z), 'PG_VERSION'));
	const db = await openDatabase(z.mode === 'server' ? { url: dbUrl(dbName(z)) } : { dataDir: dataDir(z) });
	const [{ n }] = await db.rows<{ n: number }>(sql`select count(*)::int as n from plots`);
	if (fresh || n < z.plots * 0.99) {
		const t = performance.now();
		await ensureSampleZone(db);
		await generateScale(db, { plots: z.plots, dense: z.dense });
		console.log(`[${z.name}] generated in ${((performance.now() - t) / 1000).toFixed(0)} s`);
	}
	return db;
}

/** Tiles over plots picked evenly through the table (the same ones every run). */
async function tileSet(db: Database, z: number, n: number): Promise<TileXYZ[]> {
	const pts = await db.rows<{ lon: number; lat: number }>(sql`
		select ST_X(c) as lon, ST_Y(c) as lat from (
			select ST_PointOnSurface(boundary) as c from plots where published order by md5(id::text) limit ${n * 4}
		) p`);
	const seen = new Map<string, TileXYZ>();
	for (const p of pts) {
		const t = tileOf(Number(p.lon), Number(p.lat), z);
		seen.set(`${t.z}/${t.x}/${t.y}`, t);
		if (seen.size >= n) break;
	}
	return [...seen.values()];
}

/** The minimal plots tile: ST_AsMVTGeom over the tile, the code and status only. */
const rawTile = (t: TileXYZ) => sql`
	select ST_AsMVT(q, 'plots', 4096, 'geom', 'id') as tile from (
		select p.id, p.code, p.supply_status as status,
			ST_AsMVTGeom(ST_Transform(p.boundary, 3857), ST_TileEnvelope(${t.z}::int, ${t.x}::int, ${t.y}::int), 4096, 64, true) as geom
		from plots p
		where p.published and p.boundary && ST_Transform(ST_TileEnvelope(${t.z}::int, ${t.x}::int, ${t.y}::int, margin => 0.015625), 4326)
	) q`;

function features(body: Uint8Array): number {
	if (!body.byteLength) return 0;
	const vt = new VectorTile(new PbfReader(body));
	return Object.values(vt.layers).reduce((n, l) => n + l.length, 0);
}

async function timeEach<T>(items: T[], fn: (item: T) => Promise<unknown>): Promise<number[]> {
	for (const i of items) await fn(i);
	const out: number[] = [];
	for (let r = 0; r < ROUNDS; r++)
		for (const i of items) {
			const t = performance.now();
			await fn(i);
			out.push(performance.now() - t);
		}
	return out;
}

interface Row {
	zone: string;
	what: string;
	p50: number;
	p95: number;
	extra: string;
}
const rows: Row[] = [];
const report = (zone: string, what: string, times: number[], extra = '') => {
	const r = { zone, what, p50: pct(times, 50), p95: pct(times, 95), extra };
	rows.push(r);
	console.log(`  ${what.padEnd(40)} p50 ${r.p50.toFixed(1).padStart(8)} ms  p95 ${r.p95.toFixed(1).padStart(8)} ms  ${extra}`);
};

async function direct(z: Zone, db: Database) {
	const encoder = defaultEncoder(db);
	const tiles = new Map<number, TileXYZ[]>();
	for (const zoom of ZOOMS) tiles.set(zoom, await tileSet(db, zoom, TILES_PER_ZOOM));
	for (const zoom of ZOOMS) {
		const set = tiles.get(zoom)!;
		let maxKb = 0;
		let maxFeatures = 0;
		const app = await timeEach(set, async (t) => {
			const body = await buildTile(db, { layer: 'plots', ...t }, encoder);
			maxKb = Math.max(maxKb, body.byteLength / 1024);
			maxFeatures = Math.max(maxFeatures, features(body));
		});
		let ratio = '';
		if (db.mode === 'server') {
			let rawKb = 0;
			const raw = await timeEach(set, async (t) => {
				const [r] = await db.rows<{ tile: Uint8Array | null }>(rawTile(t));
				rawKb = Math.max(rawKb, (r.tile?.byteLength ?? 0) / 1024);
			});
			report(z.name, `z${zoom} tile, raw ST_AsMVT`, raw, `max ${rawKb.toFixed(0)} KB`);
			ratio = ` · app/raw p50 ${(pct(app, 50) / pct(raw, 50)).toFixed(1)}×`;
		}
		report(z.name, `z${zoom} tile, app (${encoder})`, app, `max ${maxKb.toFixed(0)} KB, ${maxFeatures} features${ratio}`);
	}
	const centre = await db.rows<{ lon: number; lat: number }>(sql`
		select ST_X(c) as lon, ST_Y(c) as lat from (select ST_PointOnSurface(boundary) as c from plots order by md5(id::text) limit 1) p`);
	const [lon, lat] = [Number(centre[0].lon), Number(centre[0].lat)];
	const search: number[] = [];
	const slowest: { p95: number; what: string }[] = [];
	for (const s of SEARCHES) {
		const q = parseFinderQuery(new URLSearchParams(s.replace('circle=118.585,37.47', `circle=${lon},${lat}`))).query;
		let total = 0;
		const times = await timeEach([q], async (x) => (total = (await searchSites(db, x)).total));
		search.push(...times);
		slowest.push({ p95: pct(times, 95), what: `${s} (${total} found)` });
	}
	slowest.sort((a, b) => b.p95 - a.p95);
	report(z.name, 'finder, 12 filter sets', search, `slowest: ${slowest[0].what} p95 ${slowest[0].p95.toFixed(0)} ms`);
	for (const metric of HEAT_METRICS.filter((m) => m !== 'unmet')) {
		for (const zoom of [8, 10, 12, 14]) {
			// A 1280 × 800 px view at this zoom around the zone.
			const dLon = (1280 / 512) * (360 / 2 ** zoom) * 0.5;
			const dLat = dLon * 0.6;
			const bbox: [number, number, number, number] = [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
			const finder = parseFinderQuery(new URLSearchParams('industry=new_materials')).query;
			const times = await timeEach([0], async () => {
				const points = metric === 'match' ? await matchPointsSql(db, finder, bbox) : null;
				await heatCells(db, { metric, zoom, bbox }, points);
			});
			report(z.name, `heat ${metric} z${zoom}`, times);
		}
	}
}

async function overHttp(z: Zone, db: Database | null) {
	const app = await startApp(z.mode, APP_DIR, z.mode === 'server' ? dbUrl(dbName(z)) : undefined, z.mode === 'embedded' ? dataDir(z) : undefined);
	try {
		const page = '/?industry=new_materials&areaMin=30';
		const times: number[] = [];
		let kb = 0;
		for (let i = 0; i < 4; i++) {
			const t = performance.now();
			const body = await (await fetch(`${app.base}${page}`)).text();
			if (i > 0) times.push(performance.now() - t);
			kb = body.length / 1024;
		}
		report(z.name, 'map page with a search (HTML)', times, `${kb.toFixed(0)} KB`);
		if (!db) return;
		// Each client count gets tiles of its own, so that "uncached" is the first request of each.
		const all = await tileSet(db, 14, 400);
		for (const [k, clients] of [2, 8].entries()) {
			const tiles = all.filter((_, i) => i % 2 === k);
			const paths = tiles.map((t) => `/tiles/plots/${t.z}/${t.x}/${t.y}.mvt`);
			const uncached = (await requestAll(app.base, paths, clients)).perSecond;
			const cached = (await requestAll(app.base, paths, clients)).perSecond;
			const raw = db.mode === 'server' ? await rawLoad(db, tiles, clients) : NaN;
			const line = `uncached ${uncached.toFixed(0)}/s, raw ${raw.toFixed(0)}/s, cached ${cached.toFixed(0)}/s`;
			rows.push({ zone: z.name, what: `z14 tiles/s at ${clients} clients`, p50: NaN, p95: NaN, extra: line });
			console.log(`  z14 tiles/s at ${clients} clients: ${line}`);
		}
	} finally {
		app.child.kill('SIGTERM');
	}
}

async function rawLoad(db: Database, tiles: TileXYZ[], clients: number): Promise<number> {
	const t = performance.now();
	let i = 0;
	await Promise.all(
		Array.from({ length: clients }, async () => {
			while (i < tiles.length) await db.rows(rawTile(tiles[i++]));
		})
	);
	return tiles.length / ((performance.now() - t) / 1000);
}

for (const z of zones) {
	console.log(`\n[${z.name}] ${z.mode}, ${z.plots.toLocaleString('en')} plots${z.dense ? ' (dense)' : ''}`);
	const db = await openZone(z);
	await direct(z, db);
	if (z.mode === 'embedded') {
		await db.close();
		await overHttp(z, null);
	} else {
		await overHttp(z, db);
		await db.close();
	}
}

console.log('\nzone      | measure                                  |    p50 ms |    p95 ms | notes');
for (const r of rows)
	console.log(
		`${r.zone.padEnd(9)} | ${r.what.padEnd(40)} | ${Number.isNaN(r.p50) ? '         ' : r.p50.toFixed(1).padStart(9)} | ${Number.isNaN(r.p95) ? '         ' : r.p95.toFixed(1).padStart(9)} | ${r.extra}`
	);
