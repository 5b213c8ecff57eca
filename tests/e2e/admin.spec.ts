/**
 * Setting up a real zone from nothing (issue 11), on an app of its own started empty
 * (SITEATLAS_SEED=none): the first administrator is created on the first-run page, draws a
 * park, builds an industry chain with three links, positions the park for it and invites a
 * park editor, who draws a plot and publishes it — it is on the public map and in the finder
 * under the new chain. Then the basemap is switched to a GCJ-02 style served by this test
 * (a reference square drawn at a known offset): a plot drawn on it is stored in CGCS2000,
 * is served shifted, lies on its drawn place within a metre, and the map-approval number is
 * on the map and in the print view. Every new page passes axe and reads in English.
 */
import { expect, test, type Page } from '@playwright/test';
import { atPath, expectReadablePage } from './helpers';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { rmSync } from 'node:fs';
import gcoord from 'gcoord';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

const PORT = Number(process.env.E2E_EMPTY_PORT ?? 4175);
const BASE = `http://127.0.0.1:${PORT}`;
const STYLE_PORT = PORT + 16;
const DATA_DIR = '.data/e2e-empty';

type LngLat = [number, number];
const square = (w: number, s: number, e: number, n: number): LngLat[] => [
	[w, s],
	[e, s],
	[e, n],
	[w, n]
];
/** The park the administrator draws, and the plots drawn in it (CGCS2000 / WGS 84). */
const PARK = square(118.5, 37.4, 118.56, 37.45);
const PLOT = square(118.52, 37.42, 118.53, 37.428);
/** Where the second plot goes: drawn on the GCJ-02 basemap's reference square, 80 m × 60 m. */
const REF = square(118.54, 37.43, 118.5409, 37.43054);
const gcj = (p: LngLat) => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as LngLat;
const metres = (a: number[], b: number[]) => {
	const k = Math.PI / 180;
	const x = (b[0] - a[0]) * k * Math.cos(((a[1] + b[1]) / 2) * k);
	const y = (b[1] - a[1]) * k;
	return Math.hypot(x, y) * 6371008.8;
};

let app: ChildProcess;
let styleServer: Server;

test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

test.beforeAll(async () => {
	rmSync(DATA_DIR, { recursive: true, force: true });
	app = spawn('node', ['build'], {
		env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', ORIGIN: BASE, SITEATLAS_DATA_DIR: DATA_DIR, SITEATLAS_SEED: 'none', BODY_SIZE_LIMIT: '6M' },
		stdio: 'ignore'
	});
	// The test's own GCJ-02 basemap: a light background and the reference square where GCJ-02 puts it.
	const style = {
		version: 8,
		name: 'Test GCJ-02 basemap',
		sources: {
			ref: {
				type: 'geojson',
				attribution: '© Test basemap (GCJ-02)',
				data: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...REF.map(gcj), gcj(REF[0])]] } }
			}
		},
		layers: [
			{ id: 'paper', type: 'background', paint: { 'background-color': '#fafafa' } },
			{ id: 'ref', type: 'line', source: 'ref', paint: { 'line-color': '#ff00ff', 'line-width': 2 } }
		]
	};
	styleServer = createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
		res.end(JSON.stringify(style));
	}).listen(STYLE_PORT, '127.0.0.1');
	for (let i = 0; i < 180; i++) {
		const ok = await fetch(`${BASE}/api/health`)
			.then((r) => r.ok)
			.catch(() => false);
		if (ok) return;
		await new Promise((r) => setTimeout(r, 1000));
	}
	throw new Error('the empty-zone app did not start');
});

test.afterAll(() => {
	app?.kill('SIGTERM');
	styleServer?.close();
});

/** The map instance of a map element (the components leave it there for tests). */
async function project(page: Page, testid: string, points: LngLat[]): Promise<[number, number][]> {
	const box = (await page.getByTestId(testid).boundingBox())!;
	const px = await page.evaluate(
		([id, pts]) => {
			const el = document.querySelector(`[data-testid="${id}"]`) as HTMLElement & { maplibreMap: { project(p: number[]): { x: number; y: number } } };
			return (pts as number[][]).map((p) => {
				const q = el.maplibreMap.project(p);
				return [q.x, q.y];
			});
		},
		[testid, points] as const
	);
	return px.map(([x, y]) => [box.x + x, box.y + y]);
}

/** Draws a polygon with terra-draw: a click on each corner, then on the first again to close it. */
async function drawPolygon(page: Page, testid: string, corners: LngLat[]) {
	const px = await project(page, testid, corners);
	for (const [x, y] of [...px, px[0]]) {
		await page.mouse.move(x - 10, y - 10, { steps: 4 });
		await page.mouse.move(x, y, { steps: 6 });
		await page.waitForTimeout(200);
		await page.mouse.down();
		await page.waitForTimeout(60);
		await page.mouse.up();
		// terra-draw takes two clicks close in time as a double click: leave it time between corners.
		await page.waitForTimeout(700);
	}
}

async function mapReady(page: Page, testid: string) {
	await page.locator(`[data-testid="${testid}"][data-ready="true"]`).waitFor({ state: 'attached', timeout: 90_000 });
	await page.getByTestId(testid).scrollIntoViewIfNeeded();
	await page.waitForTimeout(600);
}

async function jumpTo(page: Page, testid: string, center: LngLat, zoom: number) {
	await page.evaluate(
		([id, c, z]) => {
			const el = document.querySelector(`[data-testid="${id}"]`) as HTMLElement & { maplibreMap: { jumpTo(o: unknown): void } };
			el.maplibreMap.jumpTo({ center: c, zoom: z });
		},
		[testid, center, zoom] as const
	);
	await page.waitForTimeout(1000);
}

const ADMIN = { email: 'chief@zone.example', password: 'chief-admin-password', name: '区招商局管理员' };
let editorLink = '';

test('an empty zone: first administrator, a drawn park, a chain with three links, an invited editor who publishes a plot', async ({ page, browser }) => {
	await page.goto(`${BASE}/signin`);
	await expect(page).toHaveURL(/\/setup$/);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('姓名').fill(ADMIN.name);
	await page.getByLabel('电子邮箱').fill(ADMIN.email);
	await page.getByLabel('密码').fill(ADMIN.password);
	await page.getByRole('button', { name: '创建管理员并登录' }).click();
	await page.waitForURL(atPath(/\/console$/));
	await expect(page.getByTestId('getting-started')).toBeVisible();

	// The park, drawn on the map.
	await page.getByRole('link', { name: /新建园区并画出边界/ }).click();
	await page.waitForURL(atPath(/\/console\/parks\/new$/));
	await page.waitForLoadState('networkidle');
	await page.getByLabel('园区编号').fill('XP');
	await page.getByLabel('中文名称', { exact: true }).fill('滨海新材料产业园');
	await page.getByLabel('英文名称', { exact: true }).fill('Binhai New Materials Park');
	await page.getByLabel('运营主体（中文）').fill('滨海园区发展有限公司');
	await page.getByLabel('运营主体（英文）').fill('Binhai Park Development Co.');
	await page.getByLabel('招商电话').fill('0546-1234567');
	await page.getByLabel('在公众地图上公开').check();
	await mapReady(page, 'boundary-map');
	await jumpTo(page, 'boundary-map', [118.53, 37.425], 11.5);
	await drawPolygon(page, 'boundary-map', PARK);
	await page.getByRole('button', { name: '使用此边界' }).click();
	await expect(page.getByText(/所画范围面积/)).toBeVisible();
	await page.getByRole('button', { name: '创建园区' }).click();
	await page.waitForURL(atPath(/\/console\/parks\/XP\?created=1$/));
	await expect(page.getByRole('status').filter({ hasText: '园区已创建' })).toBeVisible();
	const park = await (await page.request.get(`${BASE}/api/console/parks/XP`)).json();
	const parkRing = park.boundary.coordinates[0][0] as number[][];
	for (const corner of PARK)
		expect(Math.min(...parkRing.map((p) => metres(p, corner))), `park corner ${corner} of ${JSON.stringify(parkRing)}`).toBeLessThan(60);

	// The taxonomy: an industry, then a chain with three links from upstream to downstream.
	await page.goto(`${BASE}/console/taxonomy`);
	await page.waitForLoadState('networkidle');
	const addIndustry = page.locator('form.add').first();
	await addIndustry.getByLabel('编号').fill('new_materials');
	await addIndustry.getByLabel('中文名称').fill('新材料');
	await addIndustry.getByLabel('英文名称').fill('New materials');
	await addIndustry.getByRole('button', { name: '添加产业' }).click();
	await expect(page.getByRole('status')).toHaveText('已添加。');
	const addChain = page.locator('form.add').last();
	await addChain.getByLabel('编号').fill('rare_earth');
	await addChain.getByLabel('中文名称').fill('稀土催化');
	await addChain.getByLabel('英文名称').fill('Rare-earth catalysis');
	await addChain.getByLabel('所属产业').selectOption('new_materials');
	await addChain.getByRole('button', { name: '添加产业链' }).click();
	const chain = page.locator('article[data-chain="rare_earth"]');
	await expect(chain).toBeVisible();
	const links = [
		['稀土氧化物', 'Rare-earth oxides'],
		['稀土催化剂', 'Rare-earth catalysts'],
		['尾气净化器', 'Exhaust purifiers']
	];
	for (const [i, [zh, en]] of links.entries()) {
		await chain.getByRole('button', { name: '添加环节' }).click();
		await chain.getByLabel(`第 ${i + 1} 环节 中文名称`).fill(zh);
		await chain.getByLabel(`第 ${i + 1} 环节 英文名称`).fill(en);
	}
	await chain.getByRole('button', { name: '保存环节' }).click();
	await expect(page.getByRole('status')).toHaveText('已保存。');
	const tree = await (await page.request.get(`${BASE}/api/console/taxonomy`)).json();
	expect(tree.chains[0].links.map((l: { nameEn: string; position: number }) => [l.position, l.nameEn])).toEqual([
		[1, 'Rare-earth oxides'],
		[2, 'Rare-earth catalysts'],
		[3, 'Exhaust purifiers']
	]);

	// The park is positioned for the chain.
	await page.goto(`${BASE}/console/parks/XP`);
	await page.waitForLoadState('networkidle');
	await page.getByRole('checkbox', { name: '新材料' }).check();
	await page.locator('input[data-chain="rare_earth"]').check();
	await page.getByRole('button', { name: '保存', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

	// A park editor, invited.
	await page.goto(`${BASE}/console/users`);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('邮箱').fill('xp-editor@zone.example');
	await page.getByLabel('姓名').fill('钱编辑');
	await page.getByLabel('角色').first().selectOption('park_editor');
	await page.getByRole('checkbox', { name: /^XP · / }).check();
	await page.getByRole('button', { name: '添加', exact: true }).click();
	editorLink = new URL(await page.getByLabel('邀请链接', { exact: true }).inputValue()).pathname;

	const context = await browser.newContext();
	const editor = await context.newPage();
	await editor.goto(`${BASE}${editorLink}`);
	await editor.waitForLoadState('networkidle');
	await editor.getByLabel('新密码（至少 10 个字符）').fill('qian-editor-password');
	await editor.getByRole('button', { name: '设置密码并登录' }).click();
	await editor.waitForURL(atPath(/\/console$/));
	await editor.getByRole('link', { name: '新建地块' }).click();
	await editor.waitForURL(atPath(/\/console\/plots\/new$/));
	await editor.waitForLoadState('networkidle');
	await editor.getByLabel('地块编号').fill('XP-001');
	await editor.getByLabel(/公开发布/).check();
	await mapReady(editor, 'boundary-map');
	// Close enough that no corner is within terra-draw's closing distance of the first one.
	await jumpTo(editor, 'boundary-map', [118.525, 37.424], 14);
	await drawPolygon(editor, 'boundary-map', PLOT);
	await editor.getByRole('button', { name: '使用此边界' }).click();
	await editor.getByRole('button', { name: '创建地块' }).click();
	await editor.waitForURL(atPath(/\/console\/plots\/XP-001\?created=1$/));
	const stored = await (await editor.request.get(`${BASE}/api/console/plots/XP-001`)).json();
	expect(stored.published).toBe(true);
	const drawn = stored.boundary.coordinates[0][0] as number[][];
	for (const corner of PLOT) expect(Math.min(...drawn.map((p) => metres(p, corner))), `corner ${corner} of ${JSON.stringify(drawn)}`).toBeLessThan(10);
	await context.close();

	// On the public map and in the finder under the new chain.
	const visitor = await browser.newPage();
	await visitor.goto(`${BASE}/?chain=rare_earth`);
	await expect(visitor.getByTestId('finder-results')).toContainText('XP-001');
	await visitor.goto(`${BASE}/#15/37.424/118.525`);
	await mapReady(visitor, 'map');
	await expect
		.poll(
			() =>
				visitor.evaluate(() => {
					const el = document.querySelector('[data-testid="map"]') as HTMLElement & {
						maplibreMap: { queryRenderedFeatures(o: unknown): { properties: { code: string } }[] };
					};
					return el.maplibreMap.queryRenderedFeatures({ layers: ['plots-fill'] }).map((f) => f.properties.code);
				}),
			{ timeout: 30_000 }
		)
		.toContain('XP-001');
	await visitor.close();
});

test('a GCJ-02 basemap: what is drawn on it is stored in CGCS2000, served shifted, within a metre; the approval number is on the map and in print', async ({
	page
}) => {
	await page.goto(`${BASE}/signin`);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('电子邮箱').fill(ADMIN.email);
	await page.getByLabel('密码').fill(ADMIN.password);
	await page.getByRole('button', { name: '登录' }).click();
	await page.waitForURL(atPath(/\/console$/));

	// The basemap, switched in the settings form.
	await page.goto(`${BASE}/console/settings`);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('MapLibre 样式地址').check();
	await page.getByLabel('样式地址', { exact: true }).fill(`http://127.0.0.1:${STYLE_PORT}/style.json`);
	await page.getByLabel('GCJ-02（高德、腾讯）').check();
	await page.getByLabel('审图号').fill('GS(2026)1234号');
	await page.getByRole('button', { name: '保存设置' }).click();
	await expect(page.getByRole('status')).toContainText('设置已保存');

	// A plot drawn on the reference square of the GCJ-02 basemap.
	await page.goto(`${BASE}/console/plots/new?park=XP`);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('地块编号').fill('XP-002');
	await page.getByLabel(/公开发布/).check();
	await mapReady(page, 'boundary-map');
	await jumpTo(page, 'boundary-map', gcj([(REF[0][0] + REF[2][0]) / 2, (REF[0][1] + REF[2][1]) / 2]), 18);
	await drawPolygon(page, 'boundary-map', REF.map(gcj));
	await page.getByRole('button', { name: '使用此边界' }).click();
	await page.getByRole('button', { name: '创建地块' }).click();
	await page.waitForURL(atPath(/\/console\/plots\/XP-002\?created=1$/));
	await expect(page.getByTestId('map-credit')).toContainText('审图号：GS(2026)1234号');

	// Stored where the square is in CGCS2000 (GCJ-02 is ~500 m off here), to within a metre.
	const stored = await (await page.request.get(`${BASE}/api/console/plots/XP-002`)).json();
	const ring = stored.boundary.coordinates[0][0] as number[][];
	for (const corner of REF) expect(Math.min(...ring.map((p) => metres(p, corner))), `stored corner ${corner}`).toBeLessThan(1);
	expect(metres(gcj(REF[0]), REF[0])).toBeGreaterThan(300);

	// Served in GCJ-02 on the basemap's tiles: the decoded tile puts it on the reference square.
	const z = 16;
	const [lon, lat] = gcj(REF[0]);
	const tx = Math.floor(((lon + 180) / 360) * 2 ** z);
	const ty = Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * 2 ** z);
	const tile = await (await page.request.get(`${BASE}/tiles/plots/${z}/${tx}/${ty}.mvt?datum=gcj02`)).body();
	const layer = new VectorTile(new PbfReader(new Uint8Array(tile))).layers.plots;
	const feature = Array.from({ length: layer.length }, (_, i) => layer.feature(i)).find((f) => f.properties.code === 'XP-002')!;
	const served = (feature.toGeoJSON(tx, ty, z).geometry as { coordinates: number[][][] }).coordinates[0];
	for (const corner of REF.map(gcj)) expect(Math.min(...served.map((p) => metres(p, corner))), `served corner ${corner}`).toBeLessThan(1);

	// The public map asks for GCJ-02 tiles, draws the plot on the reference square, and shows the approval number.
	const datums: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('/tiles/')) datums.push(new URL(r.url()).searchParams.get('datum') ?? 'wgs84');
	});
	const c = gcj([(REF[0][0] + REF[2][0]) / 2, (REF[0][1] + REF[2][1]) / 2]);
	await page.goto(`${BASE}/#17/${c[1]}/${c[0]}`);
	await mapReady(page, 'map');
	await expect(page.getByTestId('map-credit')).toContainText('审图号：GS(2026)1234号');
	await expect(page.getByTestId('map-credit')).toContainText('© Test basemap (GCJ-02)');
	expect(datums.length).toBeGreaterThan(0);
	expect(new Set(datums)).toEqual(new Set(['gcj02']));
	const rendered = await page.evaluate(() => {
		const el = document.querySelector('[data-testid="map"]') as HTMLElement & {
			maplibreMap: { queryRenderedFeatures(o: unknown): { properties: { code: string }; geometry: { coordinates: number[][][] } }[] };
		};
		return el.maplibreMap.queryRenderedFeatures({ layers: ['plots-fill'] }).find((f) => f.properties.code === 'XP-002')?.geometry.coordinates[0];
	});
	expect(rendered).toBeTruthy();
	for (const corner of REF.map(gcj)) expect(Math.min(...rendered!.map((p) => metres(p, corner))), `rendered corner ${corner}`).toBeLessThan(1);

	// A tour's print view carries the approval number under its map, also when printed.
	const created = await page.request.post(`${BASE}/api/console/tours`, {
		headers: { origin: BASE },
		data: {
			title: '滨海园区考察',
			stops: [
				{ siteKind: 'point', code: null, location: [118.525, 37.424], label: 'XP-001', dwellMin: 20 },
				{ siteKind: 'point', code: null, location: [118.5405, 37.4303], label: 'XP-002', dwellMin: 20 }
			]
		}
	});
	expect(created.status()).toBe(200);
	await page.goto(`${BASE}/console/tours/${(await created.json()).id}/print`);
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByTestId('approval-line').first()).toBeVisible();
	await expect(page.getByTestId('approval-line').first()).toHaveText('审图号：GS(2026)1234号');
	await page.emulateMedia({ media: 'screen' });
});

test('every administration page passes axe and reads in English without raw keys', async ({ page }) => {
	await page.goto(`${BASE}/signin`);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('电子邮箱').fill(ADMIN.email);
	await page.getByLabel('密码').fill(ADMIN.password);
	await page.getByRole('button', { name: '登录' }).click();
	await page.waitForURL(atPath(/\/console$/));
	const pages = [
		'/console',
		'/console/settings',
		'/console/parks',
		'/console/parks/new',
		'/console/parks/XP',
		'/console/taxonomy',
		'/console/facilities',
		'/console/roads',
		'/console/targets',
		'/console/plots/new',
		'/console/buildings/new',
		'/console/plots/XP-001',
		'/console/users',
		'/console/audit'
	];
	for (const lang of ['zh-CN', 'en'] as const) {
		for (const path of pages) {
			await expectReadablePage(
				page,
				`${BASE}${path}`,
				lang,
				/\b(admin|settings|parks|taxonomy|records|targets|roads|facilities|start|console|audit|edit|form)\.[a-z_]{3,}/,
				'main, .console'
			);
		}
	}
});
