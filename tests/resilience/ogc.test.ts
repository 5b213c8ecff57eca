/**
 * OGC API – Features with GDAL as the real client (Debian's gdal-bin), against the built app on
 * both databases: ogrinfo reports the number of published plots; ogr2ogr copies every one of
 * them through pages smaller than the collection, each geometry within 0.01 m of PostGIS's; a
 * bbox and a property filter give the finder's rows; paging links, limits and bad parameters
 * behave as the standard says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { MODE, removeDataDir, startApp, type App } from './app';
import { openDatabase, type Database } from '../../src/lib/server/db/client';

const gdal = (cmd: 'ogrinfo' | 'ogr2ogr', args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const BBOX = [118.5, 37.4, 118.62, 37.5] as const;

let app: App;
let work: string;
/** What GDAL read, kept for the comparison with the database once the app has stopped. */
let copied: { code: string; wkt: string }[] = [];
let info = '';
let bboxAvailable: string[] = [];
let finderCodes: string[] = [];

beforeAll(async () => {
	app = await startApp();
	work = mkdtempSync(path.join(tmpdir(), 'siteatlas-ogc-'));
	info = gdal('ogrinfo', ['-so', `OAPIF:${app.base}/ogc`, 'plots']);
	const gpkg = path.join(work, 'plots.gpkg');
	gdal('ogr2ogr', ['-f', 'GPKG', gpkg, `OAPIF:${app.base}/ogc`, 'plots', '-oo', 'PAGE_SIZE=75']);
	const geojson = JSON.parse(gdal('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', gpkg, 'plots', '-lco', 'COORDINATE_PRECISION=9', '-lco', 'RFC7946=NO'])) as {
		features: { properties: { code: string }; geometry: unknown }[];
	};
	copied = geojson.features.map((f) => ({ code: f.properties.code, wkt: JSON.stringify(f.geometry) }));
	// A box and a property filter, as GDAL sends them (-spat → bbox, -where on a declared field → status=…).
	const filtered = JSON.parse(
		gdal('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', `OAPIF:${app.base}/ogc`, 'plots', '-spat', ...BBOX.map(String), '-where', "status = 'available'"])
	) as { features: { properties: { code: string } }[] };
	bboxAvailable = filtered.features.map((f) => f.properties.code).sort();
	const finder = await fetch(`${app.base}/api/search?status=available&stale=1&bbox=${BBOX.join(',')}&pageSize=50`).then((r) => r.json());
	const pages = Math.ceil(finder.total / 50);
	const codes: string[] = finder.items.map((i: { code: string }) => i.code);
	for (let p = 2; p <= pages; p++)
		codes.push(
			...(await fetch(`${app.base}/api/search?status=available&stale=1&bbox=${BBOX.join(',')}&pageSize=50&page=${p}`).then((r) => r.json())).items.map(
				(i: { code: string }) => i.code
			)
		);
	finderCodes = codes.sort();
}, 300_000);

afterAll(async () => {
	await app?.stop();
	removeDataDir(app?.dataDir ?? null);
	if (work) rmSync(work, { recursive: true, force: true });
});

describe(`OGC API – Features read by GDAL (${MODE})`, () => {
	it('pages through every link GDAL follows: numberMatched, numberReturned, next while a page is full', async () => {
		const first = await fetch(`${app.base}/ogc/collections/plots/items?limit=200`).then((r) => r.json());
		expect(first.numberReturned).toBe(200);
		const next = first.links.find((l: { rel: string }) => l.rel === 'next');
		expect(next.type).toBe('application/geo+json');
		let url: string | undefined = next.href;
		let seen = 200;
		while (url) {
			const page = await fetch(url).then((r) => r.json());
			seen += page.numberReturned;
			url = page.links.find((l: { rel: string }) => l.rel === 'next')?.href;
		}
		expect(seen).toBe(first.numberMatched);
		// The limit is declared, and enforced.
		const api = await fetch(`${app.base}/ogc/api`).then((r) => r.json());
		expect(api.paths['/ogc/collections/plots/items'].get.parameters.find((p: { name: string }) => p.name === 'limit').schema.maximum).toBe(1000);
		expect((await fetch(`${app.base}/ogc/collections/plots/items?limit=5000`)).status).toBe(400);
		expect((await fetch(`${app.base}/ogc/collections/plots/items?status=nonsense`)).status).toBe(400);
		expect((await fetch(`${app.base}/ogc/collections/plots/items?bbox=1,2,3`)).status).toBe(400);
		expect((await fetch(`${app.base}/ogc/collections/nothing/items`)).status).toBe(404);
		expect((await fetch(`${app.base}/ogc/collections/plots/items/NOT-A-PLOT`)).status).toBe(404);
		// Conformance lists only what is there: no CRS, no CQL2 yet.
		const conf = (await fetch(`${app.base}/ogc/conformance`).then((r) => r.json())).conformsTo as string[];
		expect(conf).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core');
		expect(conf.some((c) => /crs|filter|cql/i.test(c))).toBe(false);
		// A public read API: open to every origin, and revalidated by its ETag (304 while nothing changed).
		const collections = await fetch(`${app.base}/ogc/collections`);
		expect(collections.headers.get('access-control-allow-origin')).toBe('*');
		const etag = collections.headers.get('etag')!;
		expect(etag).toMatch(/^"[\w-]{27}"$/);
		expect((await fetch(`${app.base}/ogc/collections`, { headers: { 'if-none-match': etag } })).status).toBe(304);
		expect((await fetch(`${app.base}/ogc/collections?f=html`, { headers: { 'if-none-match': etag } })).status).toBe(200);
	});

	it('gives the finder’s rows for the same box and status', () => {
		expect(bboxAvailable.length).toBeGreaterThan(0);
		expect(bboxAvailable).toEqual(finderCodes);
	});

	it('copies every published plot, each geometry within 0.01 m of PostGIS’s', async () => {
		await app.stop();
		const db: Database =
			MODE === 'server'
				? await openDatabase({ url: process.env.RESILIENCE_DATABASE_URL!, migrate: false })
				: await openDatabase({ dataDir: app.dataDir!, migrate: false });
		try {
			const [{ n }] = await db.rows<{ n: number }>(
				sql`select count(*)::int as n from plots p join parks k on k.id = p.park_id where p.published and k.published`
			);
			expect(info).toContain(`Feature Count: ${n}`);
			expect(copied).toHaveLength(n);
			expect(new Set(copied.map((c) => c.code)).size).toBe(n);
			const [worst] = await db.rows<{ d: number; missing: number }>(sql`
				select max(ST_HausdorffDistance(ST_Transform(p.boundary, 32650), ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(c.g), 4326), 32650)))::float8 as d,
					count(*) filter (where p.id is null)::int as missing
				from jsonb_to_recordset(${JSON.stringify(copied.map((c) => ({ code: c.code, g: c.wkt })))}::jsonb) as c(code text, g text)
				left join plots p on p.code = c.code`);
			expect(worst.missing).toBe(0);
			expect(Number(worst.d)).toBeLessThan(0.01);
		} finally {
			await db.close();
		}
	});
});
