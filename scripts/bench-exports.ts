/**
 * The exports' benchmark: server time to build and write the zone's published plots (public
 * fields) and the console's plots (every field) in each format, and the OGC API's items page
 * in CRS84 and in the zone's Gauss–Krüger zone.
 *   npm run bench:exports                                    embedded (PGlite)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:exports    a PostgreSQL + PostGIS server too
 * Figures are medians (and p95) of 10 warm calls on the sample zone.
 */
import { sql } from 'drizzle-orm';
import { time } from './bench-util';
import { openDatabase, openScratchDatabase, type Database } from '../src/lib/server/db/client';
import { loadSampleZone } from '../src/lib/server/sample/load';
import { generateSampleZone } from '../src/lib/server/sample/generate';
import { userByEmail, type SessionUser } from '../src/lib/server/auth';
import { consoleTable, publicTable } from '../src/lib/server/export/records';
import { writeTable } from '../src/lib/server/export';
import { EXPORT_FORMATS } from '../src/lib/domain/export-formats';
import { items, parseItemsRequest } from '../src/lib/server/ogc/features';
import { collectionById } from '../src/lib/server/ogc/collections';
import { supportedCrs, zoneCentreLon } from '../src/lib/server/ogc/crs';

const ROUNDS = 10;

async function measure(db: Database, label: string) {
	const staff = (await userByEmail(db, 'staff@demo.siteatlas')) as SessionUser;
	const pub = await publicTable(db, 'plots', sql`true`, 'zh-CN', 'plots');
	const rows: [string, { p50: number; p95: number }][] = [];
	rows.push([`public plots table (${pub.rows.length} records)`, await time(() => publicTable(db, 'plots', sql`true`, 'zh-CN', 'plots'), ROUNDS)]);
	const cons = await consoleTable(db, staff, 'plots', 'zh-CN', null);
	rows.push([`console plots table (${cons.rows.length} records)`, await time(() => consoleTable(db, staff, 'plots', 'zh-CN', null), ROUNDS)]);
	for (const f of EXPORT_FORMATS) {
		const size = (await writeTable(cons, f, { nameField: 'code' })).byteLength;
		rows.push([`write ${f} (${Math.round(size / 1024)} KB)`, await time(() => writeTable(cons, f, { nameField: 'code' }), ROUNDS)]);
	}
	const offered = supportedCrs(await zoneCentreLon(db));
	const c = collectionById('plots')!;
	for (const crs of [offered[0], offered[4]]) {
		const r = parseItemsRequest(c, new URLSearchParams({ limit: '1000', crs: crs.uri }), offered);
		rows.push([`OGC items, 1,000 per page, ${crs.code ? `EPSG:${crs.code}` : 'CRS84'}`, await time(() => items(db, 'plots', r), ROUNDS)]);
	}
	console.log(`\n[${label}] p50 / p95 ms`);
	for (const [name, t] of rows) console.log(`${name.padEnd(48)} ${t.p50.toFixed(1).padStart(8)} ${t.p95.toFixed(1).padStart(8)}`);
}

async function run(label: string, open: () => Promise<Database>) {
	const db = await open();
	try {
		await loadSampleZone(db, generateSampleZone({ asOf: new Date().toISOString().slice(0, 10) }));
		await measure(db, `${label}, sample zone`);
	} finally {
		await db.close();
	}
}

await run('embedded', () => openDatabase({ dataDir: 'memory://' }));
if (process.env.BENCH_DATABASE_URL) await run('server', () => openScratchDatabase(process.env.BENCH_DATABASE_URL!, `siteatlas_bench_exports_${process.pid}`));
