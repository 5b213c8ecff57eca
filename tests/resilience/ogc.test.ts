/**
 * OGC API – Features with GDAL as the real client (Debian's gdal-bin), against the built app on
 * both databases: ogrinfo reports the number of published plots; ogr2ogr copies every one of
 * them through pages smaller than the collection, each geometry within 0.01 m of PostGIS's; a
 * bbox and a property filter give the finder's rows; paging links, limits and bad parameters
 * behave as the standard says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
/** Largest distance (m) between SiteAtlas's Gauss–Krüger answer and GDAL's -t_srs of its CRS84 answer. */
let gkWorst = Infinity;
let gkCompared = 0;
const GK = 'http://www.opengis.net/def/crs/EPSG/0/4528';

type Ring = number[][];
const rings = (g: { type: string; coordinates: unknown }): Ring[] =>
	g.type === 'MultiPolygon' ? (g.coordinates as Ring[][]).flat() : g.type === 'Polygon' ? (g.coordinates as Ring[]) : [[g.coordinates as number[]]];

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
	// Part 2: the zone's Gauss–Krüger answer against GDAL's own conversion of the CRS84 answer.
	const crs84 = await fetch(`${app.base}/ogc/collections/plots/items?limit=1000`).then((r) => r.text());
	const gkAnswer = await fetch(`${app.base}/ogc/collections/plots/items?limit=1000&crs=${encodeURIComponent(GK)}`);
	expect(gkAnswer.headers.get('content-crs')).toBe(`<${GK}>`);
	const ours = (await gkAnswer.json()) as { features: { id: string; geometry: { type: string; coordinates: unknown } }[] };
	const src = path.join(work, 'crs84.json');
	writeFileSync(src, crs84);
	const theirs = JSON.parse(gdal('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', src, '-t_srs', 'EPSG:4528', '-lco', 'COORDINATE_PRECISION=4'])) as {
		features: { properties: { code: string }; geometry: { type: string; coordinates: unknown } }[];
	};
	const byCode = new Map(theirs.features.map((f) => [f.properties.code, rings(f.geometry)]));
	gkWorst = 0;
	for (const f of ours.features) {
		const g = byCode.get(f.id)!;
		rings(f.geometry).forEach((ring, i) =>
			ring.forEach(([north, east], j) => {
				// GDAL writes easting first (the traditional GIS order); the API writes EPSG's order, northing first.
				gkWorst = Math.max(gkWorst, Math.hypot(east - g[i][j][0], north - g[i][j][1]));
				gkCompared++;
			})
		);
	}
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
		// Conformance lists only what is there: CRS by reference, no CQL2.
		const conf = (await fetch(`${app.base}/ogc/conformance`).then((r) => r.json())).conformsTo as string[];
		expect(conf).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core');
		expect(conf).toContain('http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs');
		expect(conf.some((c) => /filter|cql/i.test(c))).toBe(false);
		// A public read API: open to every origin, and revalidated by its ETag (304 while nothing changed).
		const collections = await fetch(`${app.base}/ogc/collections`);
		expect(collections.headers.get('access-control-allow-origin')).toBe('*');
		const etag = collections.headers.get('etag')!;
		expect(etag).toMatch(/^"[\w-]{27}"$/);
		expect((await fetch(`${app.base}/ogc/collections`, { headers: { 'if-none-match': etag } })).status).toBe(304);
		expect((await fetch(`${app.base}/ogc/collections?f=html`, { headers: { 'if-none-match': etag } })).status).toBe(200);
	});

	it('answers in the CRSs it lists: axis order, Content-Crs, bbox-crs, refusals', async () => {
		const doc = await fetch(`${app.base}/ogc/collections/plots`).then((r) => r.json());
		expect(doc.crs).toEqual([
			'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
			'http://www.opengis.net/def/crs/EPSG/0/4326',
			'http://www.opengis.net/def/crs/EPSG/0/4490',
			'http://www.opengis.net/def/crs/EPSG/0/3857',
			GK,
			'http://www.opengis.net/def/crs/EPSG/0/4549'
		]);
		expect(doc.storageCrs).toBe('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
		const one = (crs?: string) => fetch(`${app.base}/ogc/collections/plots/items?limit=1${crs ? `&crs=${encodeURIComponent(crs)}` : ''}`).then((r) => r.json());
		const [lon, lat] = rings((await one()).features[0].geometry)[0][0];
		// EPSG:4326 and CGCS2000 are latitude first.
		expect(rings((await one('http://www.opengis.net/def/crs/EPSG/0/4490')).features[0].geometry)[0][0]).toEqual([lat, lon]);
		expect(rings((await one('EPSG:4326')).features[0].geometry)[0][0]).toEqual([lat, lon]);
		// Web Mercator is easting first; the zone's Gauss–Krüger northing first, with the zone (40) in the easting.
		const [mx, my] = rings((await one('http://www.opengis.net/def/crs/EPSG/0/3857')).features[0].geometry)[0][0];
		expect(mx).toBeCloseTo((lon * Math.PI * 6378137) / 180, 1);
		expect(my).toBeGreaterThan(4e6);
		const [north, east] = rings((await one(GK)).features[0].geometry)[0][0];
		expect(Math.floor(east / 1e6)).toBe(40);
		expect(north).toBeGreaterThan(4.1e6);
		// The same box in lat/lon order (EPSG:4326) and in CRS84 selects the same plots.
		const ids = (q: string) =>
			fetch(`${app.base}/ogc/collections/plots/items?limit=1000&${q}`)
				.then((r) => r.json())
				.then((j) => (j.features as { id: string }[]).map((f) => f.id).sort());
		const byLonLat = await ids(`bbox=${BBOX.join(',')}`);
		expect(byLonLat.length).toBeGreaterThan(0);
		expect(
			await ids(`bbox=${[BBOX[1], BBOX[0], BBOX[3], BBOX[2]].join(',')}&bbox-crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/4326')}`)
		).toEqual(byLonLat);
		// A 2 m box in Gauss–Krüger (northing, easting) around one plot's vertex finds that plot.
		const first = (await one()).features[0].id;
		expect(await ids(`bbox=${[north - 1, east - 1, north + 1, east + 1].join(',')}&bbox-crs=${encodeURIComponent(GK)}`)).toContain(first);
		// What is not offered is refused, naming what is.
		const bad = await fetch(`${app.base}/ogc/collections/plots/items?crs=EPSG:2000`);
		expect(bad.status).toBe(400);
		expect((await bad.json()).description).toContain(GK);
		expect((await fetch(`${app.base}/ogc/collections/plots/items?bbox=200,0,201,1&bbox-crs=EPSG:4326`)).status).toBe(400);
	});

	it('matches GDAL’s own conversion to the zone’s Gauss–Krüger zone within 0.05 m', () => {
		expect(gkCompared).toBeGreaterThan(1000);
		expect(gkWorst).toBeLessThan(0.05);
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
