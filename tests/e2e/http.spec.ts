import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { tileOf } from '../../src/lib/geo/tiles';

test.describe('HTTP endpoints', () => {
	test('health reports the embedded database, versions and migration level', async ({ request }) => {
		const res = await request.get('/api/health');
		expect(res.status()).toBe(200);
		const body = await res.json();
		expect(body).toMatchObject({ ok: true, database: { mode: 'embedded' } });
		expect(body.database.migrations.applied).toBe(body.database.migrations.expected);
		expect(body.database.migrations.applied).toBeGreaterThanOrEqual(4);
		expect(body.database.postgres).toMatch(/^\d+/);
		expect(body.database.postgis).toMatch(/^3\./);
	});

	test('serves decodable tiles with an ETag and answers 304 to it', async ({ request }) => {
		const t = tileOf(118.5, 37.4, 14);
		const url = `/tiles/plots/${t.z}/${t.x}/${t.y}.mvt`;
		const res = await request.get(url);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toBe('application/vnd.mapbox-vector-tile');
		const layer = new VectorTile(new PbfReader(await res.body())).layers.plots;
		expect(layer.length).toBeGreaterThan(10);
		expect(layer.feature(0).properties).toHaveProperty('status');
		const etag = res.headers()['etag'];
		expect(etag).toMatch(new RegExp(`^"plots-v\\d+-${t.z}-${t.x}-${t.y}"$`));
		const again = await request.get(url, { headers: { 'if-none-match': etag } });
		expect(again.status()).toBe(304);
	});

	test('explains a bad tile request with 400 or 404 and a message', async ({ request }) => {
		const unknown = await request.get('/tiles/lakes/1/0/0.mvt');
		expect(unknown.status()).toBe(404);
		expect((await unknown.json()).message).toContain('parks, plots, buildings, facilities, roads');
		const outside = await request.get('/tiles/plots/2/9/0.mvt');
		expect(outside.status()).toBe(400);
		expect((await outside.json()).message).toContain('0–3');
		const missing = await request.get('/api/features/plots/NOPE-000');
		expect(missing.status()).toBe(404);
	});

	test('the basemap layers are served offline', async ({ request }) => {
		for (const name of ['land', 'districts', 'water']) {
			const res = await request.get(`/basemap/${name}.geojson`);
			expect(res.status(), name).toBe(200);
			expect((await res.json()).features.length, name).toBeGreaterThan(0);
		}
	});
});

test('an unreachable database stops the server with one clear line and no password', async () => {
	const child = spawn(process.execPath, ['build'], {
		env: { ...process.env, DATABASE_URL: 'postgres://atlas:hunter2@127.0.0.1:1/zone', PORT: '0' },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stderr = '';
	child.stderr.on('data', (d) => (stderr += d));
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	expect(code).not.toBe(0);
	const lines = stderr.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toContain('SiteAtlas cannot start: Cannot connect to PostgreSQL at 127.0.0.1:1/zone');
	expect(stderr).not.toContain('hunter2');
});
