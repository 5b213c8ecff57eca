/**
 * Exports against the built app on both databases, with GDAL as the reader: a park's public
 * records in every format hold the OGC API's records and attributes; the finder's download
 * holds its results; a park's plots exported from the console as Shapefile and GeoPackage
 * import back (dry run) unchanged; console downloads keep to the user's scope and are audited;
 * bad requests are refused with a message; the public API answers 429 past its rate and
 * revalidates by ETag.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, DEMO, MODE, removeDataDir, startApp, type App } from './app';
import { shortFieldNames } from '../../src/lib/domain/export-fields';
import { EXPORT_FORMATS } from '../../src/lib/domain/export-formats';

const RATE = 300;
let app: App;
let work: string;
let staff: Client;
let editor: Client;
let admin: Client;

type Feature = { id?: string; properties: Record<string, unknown>; geometry: unknown };

beforeAll(async () => {
	app = await startApp({ env: { SITEATLAS_API_RATE: String(RATE) } });
	work = mkdtempSync(path.join(tmpdir(), 'siteatlas-exports-'));
	staff = await new Client(app.base, '203.0.113.61').signIn(...DEMO.staff);
	editor = await new Client(app.base, '203.0.113.62').signIn(...DEMO.editorNM);
	admin = await new Client(app.base, '203.0.113.63').signIn(...DEMO.admin);
}, 300_000);

afterAll(async () => {
	await app?.stop();
	removeDataDir(app?.dataDir ?? null);
	if (work) rmSync(work, { recursive: true, force: true });
});

/** Downloads a file as the client (or signed out), saves it, and returns the path GDAL opens. */
async function download(who: Client | null, url: string, name: string): Promise<{ status: number; file: string; type: string }> {
	const headers: Record<string, string> = { 'x-forwarded-for': who?.address ?? '203.0.113.64' };
	if (who?.cookie) headers.cookie = who.cookie;
	const r = await fetch(app.base + url, { headers });
	const file = path.join(work, name);
	writeFileSync(file, new Uint8Array(await r.arrayBuffer()));
	return { status: r.status, file: name.endsWith('.zip') ? `/vsizip/${file}` : file, type: r.headers.get('content-type') ?? '' };
}

function gdalRead(file: string, open: string[] = []): Feature[] {
	const out = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file, ...open, '-lco', 'RFC7946=NO', '-lco', 'COORDINATE_PRECISION=15'], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	return JSON.parse(out).features;
}

const fileName = (format: string) => (format === 'shp' ? 'zip' : format);

describe(`exports (${MODE})`, () => {
	it('gives a park’s published plots in every format, each with the OGC API’s records and attributes', async () => {
		const ogc = (await fetch(`${app.base}/ogc/collections/plots/items?park=NM&limit=1000`).then((r) => r.json())) as { features: Feature[] };
		expect(ogc.features.length).toBeGreaterThan(50);
		const byCode = new Map(ogc.features.map((f) => [f.id!, f.properties]));
		const names = Object.keys(ogc.features[0].properties);
		const short = new Map(names.map((n, i) => [n, shortFieldNames(names)[i]]));
		for (const format of EXPORT_FORMATS) {
			const got = await download(null, `/api/export/plots?park=NM&format=${format}`, `public-nm.${fileName(format)}`);
			expect(got.status, format).toBe(200);
			const back = gdalRead(got.file, format === 'xlsx' ? ['-oo', 'HEADERS=FORCE'] : []);
			const codeOf = (f: Feature) => String(f.properties[format === 'csv' || format === 'xlsx' ? '编号' : format === 'kml' ? 'Name' : 'code']);
			expect(back.map(codeOf).sort(), format).toEqual([...byCode.keys()].sort());
			for (const f of back) {
				const want = byCode.get(codeOf(f))!;
				if (format === 'geojson' || format === 'gpkg' || format === 'shp')
					for (const n of names) {
						const v = f.properties[format === 'shp' ? short.get(n)! : n];
						expect(v === '' ? null : v, `${format} ${n}`).toEqual(want[n]);
					}
				else {
					// Table formats: headers in the reader's language; the area in mu as a number.
					const area = f.properties[format === 'kml' ? 'area_mu' : '面积（亩）'];
					expect(Number(area), `${format} area`).toBe(want.area_mu);
				}
				if (format !== 'csv' && format !== 'xlsx') expect(f.geometry, format).not.toBeNull();
			}
		}
	}, 300_000);

	it('gives every result of a search, in its ranking, as the finder has them', async () => {
		const q = 'industry=new_materials&areaMin=20&stale=1';
		// Every page of the finder, in its order.
		const ranked: string[] = [];
		let total = 0;
		for (let page = 1; page === 1 || ranked.length < total; page++) {
			const found = (await fetch(`${app.base}/api/search?${q}&pageSize=50&page=${page}`).then((r) => r.json())) as { total: number; items: { code: string }[] };
			total = found.total;
			if (!found.items.length) break;
			ranked.push(...found.items.map((i) => i.code));
		}
		expect(total).toBeGreaterThan(0);
		expect(ranked.length).toBe(total);
		const got = await download(null, `/api/search/export?${q}&format=gpkg`, 'search.gpkg');
		const back = gdalRead(got.file);
		expect(back.map((f) => f.properties.code)).toEqual(ranked);
		expect(back.map((f) => f.properties.rank)).toEqual(back.map((_, i) => i + 1));
		const scores = back.map((f) => Number(f.properties.score));
		expect([...scores].sort((a, b) => b - a)).toEqual(scores);
	}, 120_000);

	it('round trip: a park’s plots exported as Shapefile and GeoPackage import back unchanged', async () => {
		for (const format of ['shp', 'gpkg'] as const) {
			const got = await download(staff, `/api/console/export/plots?park=NM&format=${format}`, `console-nm.${fileName(format)}`);
			expect(got.status).toBe(200);
			const bytes = readFileSync(got.file.replace(/^\/vsizip\//, ''));
			const form = new FormData();
			form.set('file', new Blob([new Uint8Array(bytes)]), `plots-nm.${fileName(format)}`);
			const dry = await staff.request('POST', '/api/console/imports?layer=plots&park=NM&mode=dry_run', { multipart: form });
			expect(dry.status, dry.text.slice(0, 300)).toBe(200);
			const report = dry.json as {
				diff: { new: number; changed: number; unchanged: number; missing: number };
				counts: { features: number; withProblems: number };
			};
			expect(report.counts.withProblems, format).toBe(0);
			expect(report.diff, format).toEqual(expect.objectContaining({ new: 0, changed: 0, missing: 0, unchanged: report.counts.features }));
			expect(report.counts.features).toBeGreaterThan(100);
		}
	}, 300_000);

	it('keeps console downloads to the user’s parks and role, audits them, and refuses what it cannot write', async () => {
		const mine = gdalRead((await download(editor, '/api/console/export/plots?format=geojson', 'editor.geojson')).file);
		expect(mine.length).toBeGreaterThan(0);
		expect(new Set(mine.map((f) => f.properties.park_code))).toEqual(new Set(['NM']));
		expect((await download(editor, '/api/console/export/parks?format=csv', 'x1.csv')).status).toBe(403);
		expect((await download(editor, '/api/console/export/users?format=csv', 'x2.csv')).status).toBe(403);
		expect((await download(null, '/api/console/export/plots?format=csv', 'x3.csv')).status).toBe(401);
		// Every list downloads; a list without shapes only as a table.
		for (const list of [
			'buildings',
			'parks',
			'facilities',
			'roads',
			'enquiries',
			'projects',
			'land_cases',
			'economy',
			'proposals',
			'tours',
			'users',
			'audit'
		]) {
			const got = await download(admin, `/api/console/export/${list}?format=xlsx`, `${list}.xlsx`);
			expect(got.status, list).toBe(200);
			expect(got.type).toContain('spreadsheetml');
		}
		const users = await admin.get('/api/console/export/users?format=shp');
		expect(users.status).toBe(400);
		expect(users.json?.message).toMatch(/CSV or Excel/);
		const bad = await staff.get('/api/console/export/plots?format=pdf');
		expect(bad.status).toBe(400);
		expect(bad.json?.message).toMatch(/format/);
		expect((await staff.get('/api/console/export/everything?format=csv')).status).toBe(404);
		expect((await staff.get('/api/export/users?format=csv')).status).toBe(404);
		expect((await staff.get('/api/export/plots?format=shp&encoding=latin1')).status).toBe(400);
		// Audited: who, what, how many — the editor's download among them.
		const log = await admin.get('/api/console/audit?action=export');
		const rows = (log.json as { rows: { entityId: string; user: string; after: { format: string; records: number } }[] }).rows;
		expect(rows.some((r) => r.entityId === 'plots' && r.after.format === 'geojson' && r.after.records === mine.length)).toBe(true);
		expect(rows.filter((r) => r.entityId === 'plots' && r.after.format === 'shp').length).toBeGreaterThan(0);
	}, 300_000);

	it('answers 429 with Retry-After past the rate, per address, and revalidates reads by ETag', async () => {
		const hammer = '203.0.113.99';
		let status = 200;
		let answer: Response | null = null;
		let allowed = 0;
		// The bucket refills (RATE a minute) while the requests run, so how many pass depends on the
		// machine's speed: at least the burst of RATE, then a 429 comes however fast or slow it is.
		for (let i = 0; i < RATE * 10 && status !== 429; i++) {
			answer = await fetch(`${app.base}/ogc/conformance`, { headers: { 'x-forwarded-for': hammer } });
			status = answer.status;
			if (status === 200) allowed++;
			await answer.arrayBuffer();
		}
		expect(status).toBe(429);
		expect(allowed).toBeGreaterThanOrEqual(RATE);
		expect(Number(answer!.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(answer!.headers.get('access-control-allow-origin')).toBe('*');
		expect((await fetch(`${app.base}/ogc/conformance`, { headers: { 'x-forwarded-for': '203.0.113.98' } })).status).toBe(200);
		const first = await fetch(`${app.base}/api/search?industry=new_materials`, { headers: { 'x-forwarded-for': '203.0.113.97' } });
		const etag = first.headers.get('etag');
		expect(etag).toMatch(/^"[\w-]{27}"$/);
		const again = await fetch(`${app.base}/api/search?industry=new_materials`, { headers: { 'x-forwarded-for': '203.0.113.97', 'if-none-match': etag! } });
		expect(again.status).toBe(304);
		expect((await fetch(`${app.base}/tiles/all.json`, { headers: { 'x-forwarded-for': '203.0.113.97' } })).headers.get('etag')).toBeTruthy();
	}, 300_000);
});
