/**
 * Tile benchmark on the sample zone.
 *   npm run bench:tiles                              embedded mode (PGlite, JS encoder) + cold start
 *   BENCH_DATABASE_URL=postgres://… npm run bench:tiles   also server mode (ST_AsMVT and JS encoder)
 *
 * For each zoom 10–17 it builds tiles uncached (every layer) over the zone — all tiles
 * at z10–13, the tiles over the parks' centres at z14–17 — and reports p50/p95 latency
 * and the largest tile. Cold start is measured on a new data directory (create,
 * migrate, seed) and on an existing one (restart), three runs each, medians quoted.
 * Tiles for a GCJ-02 basemap (`?datum=gcj02`: one ST_Affine per tile) are built alternately with
 * the plain ones over the same addresses, and their p50 quoted beside them with the ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import { ensureSampleZone } from '../src/lib/server/sample/load';
import { buildTile, type TileEncoder } from '../src/lib/server/tiles/service';
import { tilesCovering, type TileXYZ } from '../src/lib/geo/tiles';
import { LAYERS } from '../src/lib/domain/vocab';

const AS_OF = '2026-11-01';
const RUNS = 3;

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const percentile = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const ms = (v: number) => `${v.toFixed(1)} ms`;

async function coldStart() {
	const fresh: number[] = [];
	const restart: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const dir = mkdtempSync(path.join(tmpdir(), 'siteatlas-bench-'));
		let t = performance.now();
		let db = await openDatabase({ dataDir: dir });
		await ensureSampleZone(db, AS_OF);
		fresh.push(performance.now() - t);
		await db.close();
		t = performance.now();
		db = await openDatabase({ dataDir: dir });
		await db.rows(sql`select 1`);
		restart.push(performance.now() - t);
		await db.close();
		rmSync(dir, { recursive: true, force: true });
	}
	console.log(
		`\nEmbedded cold start (median of ${RUNS}): new data dir (create + migrate + seed) ${ms(median(fresh))}; restart of an existing one ${ms(median(restart))}`
	);
}

async function tileAddresses(db: Database): Promise<Map<number, TileXYZ[]>> {
	const [ext] = await db.rows<{ w: number; s: number; e: number; n: number }>(sql`
		select ST_XMin(x) as w, ST_YMin(x) as s, ST_XMax(x) as e, ST_YMax(x) as n
		from (select ST_Extent(boundary)::geometry as x from parks) t`);
	const zone: [number, number, number, number] = [Number(ext.w), Number(ext.s), Number(ext.e), Number(ext.n)];
	const centres = await db.rows<{ x: number; y: number }>(sql`
		select ST_X(ST_PointOnSurface(boundary)) as x, ST_Y(ST_PointOnSurface(boundary)) as y from parks where kind = 'industrial_park'`);
	const byZoom = new Map<number, TileXYZ[]>();
	for (let z = 10; z <= 17; z++) {
		if (z <= 13) byZoom.set(z, tilesCovering(zone, z));
		else {
			const d = 0.004 * 2 ** (14 - z) + 0.001;
			byZoom.set(
				z,
				centres.flatMap((c) => tilesCovering([Number(c.x) - d, Number(c.y) - d, Number(c.x) + d, Number(c.y) + d], z))
			);
		}
	}
	return byZoom;
}

async function benchTiles(db: Database, label: string, encoder: TileEncoder) {
	const addresses = await tileAddresses(db);
	// Warm up the connection and the planner.
	for (const layer of LAYERS) await buildTile(db, { layer, z: 14, x: 13594, y: 6256 }, encoder);
	console.log(`\n${label}: uncached tile build, every layer, per zoom`);
	console.log('zoom  builds  p50        p95        max size   (builds = tiles × 5 layers)');
	for (const [z, tiles] of addresses) {
		const times: number[] = [];
		let largest = 0;
		for (const t of tiles) {
			for (const layer of LAYERS) {
				const start = performance.now();
				const body = await buildTile(db, { layer, ...t }, encoder);
				times.push(performance.now() - start);
				largest = Math.max(largest, body.byteLength);
			}
		}
		console.log(
			`z${String(z).padEnd(4)} ${String(times.length).padEnd(7)} ${ms(percentile(times, 50)).padEnd(10)} ${ms(percentile(times, 95)).padEnd(10)} ${(largest / 1024).toFixed(1)} KB`
		);
	}
}

/** The same tiles built in WGS 84 and in GCJ-02, alternately, so that both see the same caches and load. */
async function benchDatum(db: Database, label: string, encoder: TileEncoder) {
	const addresses = await tileAddresses(db);
	console.log(`\n${label}: GCJ-02 tiles against WGS 84 ones, same addresses, every layer`);
	console.log('zoom  builds  p50 WGS 84   p50 GCJ-02   ratio');
	for (const z of [12, 14, 16]) {
		const plain: number[] = [];
		const shifted: number[] = [];
		for (const t of addresses.get(z) ?? []) {
			for (const layer of LAYERS) {
				for (const [datum, times] of [
					[undefined, plain],
					['gcj02', shifted]
				] as const) {
					const start = performance.now();
					await buildTile(db, { layer, ...t, ...(datum ? { datum } : {}) }, encoder);
					times.push(performance.now() - start);
				}
			}
		}
		const [a, b] = [percentile(plain, 50), percentile(shifted, 50)];
		console.log(`z${String(z).padEnd(4)} ${String(plain.length).padEnd(7)} ${ms(a).padEnd(12)} ${ms(b).padEnd(12)} ${(b / a).toFixed(2)}×`);
	}
}

const embedded = await openDatabase({ dataDir: 'memory://' });
await ensureSampleZone(embedded, AS_OF);
await benchTiles(embedded, 'Embedded (PGlite 0.5.8, PostGIS 3.6, JS encoder)', 'js');
await benchDatum(embedded, 'Embedded', 'js');
await embedded.close();

const url = process.env.BENCH_DATABASE_URL;
if (url) {
	const server = await openDatabase({ url });
	await ensureSampleZone(server, AS_OF);
	const [v] = await server.rows<{ v: string; g: string }>(sql`select current_setting('server_version') as v, postgis_lib_version() as g`);
	await benchTiles(server, `Server (PostgreSQL ${v.v}, PostGIS ${v.g}, ST_AsMVT)`, 'postgis');
	await benchTiles(server, `Server (PostgreSQL ${v.v}, PostGIS ${v.g}, JS encoder)`, 'js');
	await benchDatum(server, `Server (ST_AsMVT)`, 'postgis');
	await server.close();
} else {
	console.log('\n(Set BENCH_DATABASE_URL to a PostgreSQL + PostGIS database to measure server mode too.)');
}

await coldStart();
