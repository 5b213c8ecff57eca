/**
 * Import benchmark (issue 10), medians of three runs in one process:
 *   - 10,000 plots from a zipped Shapefile in CGCS2000 3° zone 40 (EPSG:4528, zone prefix) with GBK
 *     text: dry run and commit (each commit undone before the next), embedded and — with
 *     BENCH_DATABASE_URL — on a server database;
 *   - 100,000 plots from GeoJSON: dry run, with the peak memory (RSS) of the process that runs it.
 * Needs GDAL's ogr2ogr to write the Shapefile (gdal-bin). Run: npm run bench:import
 *   BENCH_DATABASE_URL=postgres://… npm run bench:import
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { openDatabase, openScratchDatabase, type Database } from '../src/lib/server/db/client';
import { createUser, type SessionUser } from '../src/lib/server/auth';
import { runImport, undoImport } from '../src/lib/server/import';

const ORIGIN = [118.2, 37.1];
const M_LON = 1 / 88900;
const M_LAT = 1 / 110950;

/** A grid of `n` plots, 80 m × 60 m with 10–20 m streets, as GeoJSON in lon/lat; and the park around them. */
function grid(n: number) {
	const cols = Math.ceil(Math.sqrt(n));
	const features = [];
	for (let i = 0; i < n; i++) {
		const [cx, cy] = [(i % cols) * 90, Math.floor(i / cols) * 80];
		const ring = [
			[cx, cy],
			[cx + 80, cy],
			[cx + 80, cy + 60],
			[cx + 40, cy + 62],
			[cx, cy + 60],
			[cx, cy]
		].map(([x, y]) => [+(ORIGIN[0] + x * M_LON).toFixed(8), +(ORIGIN[1] + y * M_LAT).toFixed(8)]);
		features.push({
			type: 'Feature',
			properties: {
				地块编号: `BN-${String(i + 1).padStart(6, '0')}`,
				用地性质: i % 7 === 0 ? '1101' : '1001',
				权利人: '东营市自然资源和规划局',
				备注: '基准测试地块'
			},
			geometry: { type: 'Polygon', coordinates: [ring] }
		});
	}
	const rows = Math.ceil(n / cols);
	const [w, h] = [cols * 90 + 100, rows * 80 + 100];
	const park = [
		[-50, -50],
		[w, -50],
		[w, h],
		[-50, h],
		[-50, -50]
	].map(([x, y]) => [ORIGIN[0] + x * M_LON, ORIGIN[1] + y * M_LAT]);
	return { fc: { type: 'FeatureCollection', features }, park: { type: 'MultiPolygon', coordinates: [[park]] } };
}

function shapefileZip(fc: object): Uint8Array {
	const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
	writeFileSync(join(dir, 'in.geojson'), JSON.stringify(fc));
	execFileSync('ogr2ogr', ['-f', 'ESRI Shapefile', '-t_srs', 'EPSG:4528', '-lco', 'ENCODING=CP936', join(dir, 'plots.shp'), join(dir, 'in.geojson')]);
	const files: Record<string, Uint8Array> = {};
	for (const f of readdirSync(dir)) if (f.startsWith('plots.') && !f.endsWith('.cpg')) files[f] = readFileSync(join(dir, f));
	rmSync(dir, { recursive: true, force: true });
	return zipSync(files);
}

async function prepare(db: Database, park: object): Promise<SessionUser> {
	await db.rows(sql`insert into parks (code, name_zh, name_en, kind, boundary, area_m2, operator_zh, operator_en)
		values ('BN', '基准园区', 'Bench Park', 'industrial_park', ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(park)}), 4326),
			ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(park)}), 4326)::geography), '运营方', 'Operator')`);
	const id = await createUser(db, { email: 'bench@zone.example', displayName: 'Bench', password: 'bench-password-1', role: 'admin' });
	return { id, email: 'bench@zone.example', displayName: 'Bench', role: 'admin', parkIds: [], locale: 'zh-CN' };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn: () => Promise<unknown>) => {
	const t = performance.now();
	await fn();
	return (performance.now() - t) / 1000;
};

async function benchShapefile(label: string, db: Database, zip: Uint8Array, park: object) {
	const user = await prepare(db, park);
	const file = { name: 'plots-10k-gk40-gbk.zip', bytes: zip };
	const options = { layer: 'plots' as const, parkCode: 'BN' };
	const dry: number[] = [];
	const commit: number[] = [];
	const undo: number[] = [];
	for (let i = 0; i < 3; i++) {
		dry.push(
			await time(async () => {
				const r = await runImport(db, user, file, options, 'dry_run');
				if (r.counts.withProblems || r.encoding?.encoding !== 'gbk' || r.crs.code !== 'EPSG:4528')
					throw new Error(`unexpected dry run: ${JSON.stringify(r.counts)} ${r.crs.code} ${r.problems[0]?.message}`);
			})
		);
	}
	for (let i = 0; i < 3; i++) {
		let id = 0;
		commit.push(
			await time(async () => {
				const r = await runImport(db, user, file, options, 'commit');
				if (r.committed?.created !== 10_000) throw new Error(`committed ${JSON.stringify(r.committed)}`);
				id = r.committed.importId;
			})
		);
		undo.push(await time(() => undoImport(db, user, id)));
	}
	console.log(
		`${label.padEnd(9)} 10k GK/GBK shapefile: dry run ${median(dry).toFixed(2)} s, commit ${median(commit).toFixed(2)} s, undo ${median(undo).toFixed(2)} s (runs: dry ${dry.map((x) => x.toFixed(2)).join('/')}, commit ${commit.map((x) => x.toFixed(2)).join('/')})`
	);
	return { dry: median(dry), commit: median(commit) };
}

const serverDatabase = (url: string) => openScratchDatabase(url, `siteatlas_bench_import_${process.pid}`);

/** The 100k GeoJSON dry run, in a child process of its own so that its peak RSS is its own. */
async function child() {
	const { fc, park } = grid(100_000);
	const bytes = new TextEncoder().encode(JSON.stringify(fc));
	const db = process.env.BENCH_DATABASE_URL ? await serverDatabase(process.env.BENCH_DATABASE_URL) : await openDatabase({ dataDir: 'memory://' });
	const user = await prepare(db, park);
	const baseline = process.memoryUsage().rss;
	const t = await time(async () => {
		const r = await runImport(db, user, { name: 'plots-100k.geojson', bytes }, { layer: 'plots', parkCode: 'BN' }, 'dry_run');
		if (r.counts.features !== 100_000 || r.counts.withProblems) throw new Error(`unexpected: ${JSON.stringify(r.counts)}`);
	});
	await db.close();
	console.log(JSON.stringify({ seconds: t, bytes: bytes.length, peakRssMb: process.resourceUsage().maxRSS / 1024, baselineMb: baseline / 1048576 }));
}

if (process.argv[2] === '--child') {
	await child();
	process.exit(0);
}

const { fc, park } = grid(10_000);
const zip = shapefileZip(fc);
console.log(`10,000 plots: zipped Shapefile of ${(zip.length / 1048576).toFixed(1)} MB`);
const results: Record<string, { dry: number; commit: number }> = {};
if (process.env.BENCH_DATABASE_URL) {
	const db = await serverDatabase(process.env.BENCH_DATABASE_URL);
	results.server = await benchShapefile('server', db, zip, park);
	await db.close();
}
{
	const db = await openDatabase({ dataDir: 'memory://' });
	results.embedded = await benchShapefile('embedded', db, zip, park);
	await db.close();
}
if (results.server) {
	console.log(
		`embedded / server: dry run ${(results.embedded.dry / results.server.dry).toFixed(2)}×, commit ${(results.embedded.commit / results.server.commit).toFixed(2)}×`
	);
}
for (const mode of process.env.BENCH_DATABASE_URL ? ['server', 'embedded'] : ['embedded']) {
	const env = { ...process.env, ...(mode === 'embedded' ? { BENCH_DATABASE_URL: '' } : {}) };
	const out = spawnSync(process.execPath, [...process.execArgv, process.argv[1], '--child'], { env, encoding: 'utf8', maxBuffer: 1 << 24 });
	if (out.status !== 0) throw new Error(`100k child (${mode}) failed: ${out.stderr.slice(-2000)}`);
	const r = JSON.parse(out.stdout.trim().split('\n').at(-1)!);
	console.log(
		`${mode.padEnd(9)} 100k GeoJSON (${(r.bytes / 1048576).toFixed(0)} MB) dry run: ${r.seconds.toFixed(1)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB (process before the run: ${r.baselineMb.toFixed(0)} MB)`
	);
}
