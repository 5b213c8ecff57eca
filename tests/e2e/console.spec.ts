import { expect, test, type APIRequestContext } from '@playwright/test';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { generateSampleZone } from '../../src/lib/server/sample/generate';
import { tileOf } from '../../src/lib/geo/tiles';
import { signIn } from './helpers';
import { PLOT_EDIT_FIELDS } from '../../src/lib/domain/edit-schemas';

const zone = generateSampleZone();
/** NM plots on offer without buildings; statuses do not depend on the seed date. */
const nmPlots = zone.plots.filter((p) => p.park === 'NM' && p.published && p.supplyStatus === 'available' && !p.isIdle && !p.isLowEfficiency);
// Not the first ones: other specs (the map's pixel test) rely on the zone's first available plot staying as seeded.
const JOURNEY_PLOT = nmPlots[6].code;
const MATRIX_PLOT = nmPlots[7].code;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const NM_FACTORY = zone.buildings.find(
	(b) => b.park === 'NM' && b.kind === 'standard_factory' && b.published && b.units.filter((u) => u.status === 'vacant').length >= 2
)!.code;

async function apiAs(
	playwright: { request: { newContext: typeof import('@playwright/test').request.newContext } },
	baseURL: string,
	email?: string,
	password?: string
): Promise<APIRequestContext> {
	// Ask for HTML: SvelteKit answers form actions with JSON (status 200) to clients that accept JSON.
	const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL, accept: 'text/html' } });
	if (email) {
		const res = await ctx.post('/signin', { form: { email, password: password! }, maxRedirects: 0 });
		expect([200, 303]).toContain(res.status());
	}
	return ctx;
}

test.describe('a park editor keeps its records true', () => {
	test('signs in, edits a plot and its boundary, leases units, confirms a building, signs out; the public sees it; another park cannot', async ({
		page,
		request,
		playwright,
		baseURL
	}) => {
		await signIn(page, 'editor-nm@demo.siteatlas', 'demo-nm-2026');
		// Cookie flags: httpOnly, SameSite=Lax.
		const cookie = (await page.context().cookies()).find((c) => c.name === 'sa_session')!;
		expect(cookie.httpOnly).toBe(true);
		expect(cookie.sameSite).toBe('Lax');

		await page.getByPlaceholder('按编号或名称查找').fill(JOURNEY_PLOT);
		await page.getByRole('button', { name: '查找' }).click();
		// Wait for the searched list, not the one before it.
		await expect(page.getByTestId('console-records').locator('tbody tr')).toHaveCount(1);
		await expect(page.getByTestId('console-records')).toContainText(JOURNEY_PLOT);
		await page.getByTestId('console-records').getByRole('link', { name: '编辑' }).first().click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`地块 ${JOURNEY_PLOT}`);
		// The console says who is signed in, once, and labels each bound of the plot ratio.
		await expect(page.getByRole('link', { name: '王海涛（园区编辑）' })).toBeVisible();
		await expect(page.getByLabel('容积率下限')).toBeVisible();
		await expect(page.getByLabel('容积率上限')).toBeVisible();
		await page.getByLabel('供应状态').selectOption('negotiating');
		await page.getByRole('button', { name: '保存', exact: true }).click();
		await expect(page.getByTestId('console-message')).toContainText('已保存');

		// Redraw the boundary on the map: drag one vertex inwards and save. The map fits the plot's
		// box with 60 px padding, so each vertex's pixel follows from Web Mercator.
		const plot = await (await page.request.get(`/api/features/plots/${JOURNEY_PLOT}`)).json();
		const mapBox = page.getByTestId('boundary-map');
		await page.locator('[data-testid="boundary-map"][data-ready="true"]').waitFor({ state: 'attached' });
		await mapBox.scrollIntoViewIfNeeded();
		await page.waitForTimeout(800);
		const box = (await mapBox.boundingBox())!;
		const ring: number[][] = zone.plots.find((p) => p.code === JOURNEY_PLOT)!.boundary.coordinates[0][0];
		const merc = ([lon, lat]: number[]) => [
			(lon + 180) / 360,
			(1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2
		];
		const [w, s0, e, n] = plot.bbox;
		const [x0, y1] = merc([w, s0]);
		const [x1, y0] = merc([e, n]);
		const scale = Math.min((box.width - 120) / (x1 - x0), (box.height - 120) / (y1 - y0));
		const toPx = (c: number[]) => {
			const [mx, my] = merc(c);
			return [box.x + box.width / 2 + (mx - (x0 + x1) / 2) * scale, box.y + box.height / 2 + (my - (y0 + y1) / 2) * scale];
		};
		const [vx, vy] = toPx(ring[0]);
		const [cxp, cyp] = toPx(plot.labelPoint);
		// A drag on a software-rendered map under load can start before the handle is hit-testable;
		// repeat the gesture (at most three times) until a save changes the stored boundary.
		let redrawn = plot;
		for (let attempt = 0; attempt < 3 && redrawn.areaM2 >= plot.areaM2 - 1; attempt++) {
			await page.mouse.move(vx - 20, vy - 20);
			await page.mouse.move(vx, vy, { steps: 5 });
			await page.waitForTimeout(300 + attempt * 500);
			await page.mouse.down();
			await page.mouse.move(vx + (cxp - vx) * 0.3, vy + (cyp - vy) * 0.3, { steps: 8 });
			await page.mouse.up();
			await page.getByRole('button', { name: '保存边界' }).click();
			await expect(page.getByTestId('console-message')).toContainText('已保存');
			redrawn = await (await page.request.get(`/api/features/plots/${JOURNEY_PLOT}`)).json();
		}
		expect(redrawn.areaM2).toBeLessThan(plot.areaM2 - 1);
		const [cx, cy] = plot.labelPoint;
		await page.reload();
		await expect(page.getByTestId('history')).toContainText('修改');
		// The history tells the changes in words: fields by their labels, values by their names.
		await expect(page.getByTestId('history')).toContainText('供应状态：可供应 → 洽谈中');
		await expect(page.getByTestId('history')).toContainText('地块边界已重新绘制');
		await expect(page.getByTestId('history')).not.toContainText(/supplyStatus|boundary/);

		// Mark two vacant units leased on the floor grid, then confirm the building.
		await page.goto(`/console/buildings/${NM_FACTORY}`);
		const selects = page.getByTestId('unit-grid').locator('select');
		let marked = 0;
		for (let i = 0; i < (await selects.count()) && marked < 2; i++) {
			if ((await selects.nth(i).inputValue()) === 'vacant') {
				await selects.nth(i).selectOption('leased');
				marked++;
			}
		}
		await page.getByRole('button', { name: /保存单元状态 \(2\)/ }).click();
		await expect(page.getByTestId('console-message')).toContainText('已保存');
		await page.getByRole('button', { name: '确认数据仍然准确' }).click();
		await expect(page.getByTestId('console-message')).toContainText('已确认 1 条记录');
		// A photo (type checked by its bytes) …and a renamed text file refused.
		await page.getByLabel(/图片文件/).setInputFiles({ name: 'gate.png', mimeType: 'image/png', buffer: PNG });
		await page.getByLabel('说明').fill('Main gate');
		await page.getByRole('button', { name: '上传照片' }).click();
		await expect(page.getByTestId('photo-message')).toContainText('照片已上传');
		await page.getByLabel(/图片文件/).setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('<svg onload=alert(1)>') });
		await page.getByRole('button', { name: '上传照片' }).click();
		await expect(page.getByTestId('photo-message')).toContainText('只接受 JPEG、PNG 或 WebP');
		await expect(page.locator('.meta')).toContainText('今天确认');
		await page.getByRole('button', { name: '退出登录' }).click();
		await page.goto('/console');
		await expect(page).toHaveURL(/\/signin/);

		// The public map and site pages show the changes at once.
		expect((await (await request.get(`/api/features/plots/${JOURNEY_PLOT}`)).json()).supplyStatus).toBe('negotiating');
		const t = tileOf(cx, cy, 16);
		const tile = new VectorTile(new PbfReader(await (await request.get(`/tiles/plots/${t.z}/${t.x}/${t.y}.mvt`)).body())).layers.plots;
		const f = Array.from({ length: tile.length }, (_, i) => tile.feature(i)).find((x) => x.properties.code === JOURNEY_PLOT)!;
		expect(f.properties.status).toBe('negotiating');
		await page.goto(`/plots/${JOURNEY_PLOT}`);
		await expect(page.locator('.lead')).toContainText('洽谈中');
		await page.goto(`/buildings/${NM_FACTORY}`);
		await expect(page.locator('.fresh')).toContainText('今天确认');
		const photo = page.locator('.gallery img').first();
		await expect(photo).toHaveAttribute('alt', 'Main gate');
		const served = await request.get((await photo.getAttribute('src'))!);
		expect(served.headers()['content-type']).toBe('image/png');
		expect(served.headers()['x-content-type-options']).toBe('nosniff');

		// The editor of another park can neither see nor change it.
		await signIn(page, 'editor-te@demo.siteatlas', 'demo-te-2026');
		await expect(page.getByTestId('console-records')).not.toContainText(JOURNEY_PLOT);
		const denied = await page.goto(`/console/plots/${JOURNEY_PLOT}`);
		expect(denied!.status()).toBe(403);
		const te = await apiAs(playwright, baseURL!, 'editor-te@demo.siteatlas', 'demo-te-2026');
		expect((await te.post('/api/console/confirm', { data: { items: [{ kind: 'plot', code: JOURNEY_PLOT }] } })).status()).toBe(403);
		await te.dispose();
	});
});

test.describe('every write checks role and park scope on the server', () => {
	const factory = NM_FACTORY;
	test('anonymous gets 401, another park gets 403, the park editor gets through', async ({ playwright, baseURL }) => {
		const anon = await apiAs(playwright, baseURL!);
		const te = await apiAs(playwright, baseURL!, 'editor-te@demo.siteatlas', 'demo-te-2026');
		const nm = await apiAs(playwright, baseURL!, 'editor-nm@demo.siteatlas', 'demo-nm-2026');
		const { version } = await (await nm.get(`/api/console/plots/${MATRIX_PLOT}`)).json();
		expect((await anon.get(`/api/console/plots/${MATRIX_PLOT}`)).status()).toBe(401);
		expect((await te.get(`/api/console/plots/${MATRIX_PLOT}`)).status()).toBe(403);
		// The exact statuses, per endpoint, with valid bodies.
		const plotBody = { ...(await plotEditBody(nm)), version };
		const cases: [string, 'put' | 'post', string, object][] = [
			['plot attributes', 'put', `/api/console/plots/${MATRIX_PLOT}`, plotBody],
			['confirm', 'post', '/api/console/confirm', { items: [{ kind: 'plot', code: MATRIX_PLOT }] }],
			['units', 'put', `/api/console/buildings/${factory}/units`, { version: 1, units: [{ id: 1, status: 'leased', areaM2: 10 }] }],
			['restore', 'post', '/api/console/restore', { entity: 'plot', code: MATRIX_PLOT, auditId: 1, version: 1 }],
			[
				'plot boundary',
				'put',
				`/api/console/plots/${MATRIX_PLOT}/boundary`,
				{
					version: 1,
					geometry: {
						type: 'Polygon',
						coordinates: [
							[
								[118.5, 37.4],
								[118.501, 37.4],
								[118.501, 37.401],
								[118.5, 37.4]
							]
						]
					}
				}
			],
			[
				'building attributes',
				'put',
				`/api/console/buildings/${factory}`,
				{
					version: 1,
					kind: 'standard_factory',
					floors: 2,
					rentYuanPerM2Day: 0.5,
					ownerName: 'X',
					operatorName: null,
					businessFormats: [],
					taxTier: 'none',
					published: true
				}
			]
		];
		for (const [name, method, url, body] of cases) {
			expect((await anon[method](url, { data: body })).status(), `${name}: anonymous`).toBe(401);
			expect((await te[method](url, { data: body })).status(), `${name}: editor of another park`).toBe(403);
		}
		const photo = { multipart: { kind: 'plot', code: MATRIX_PLOT, file: { name: 'a.png', mimeType: 'image/png', buffer: PNG } } };
		expect((await anon.post('/api/console/photos', photo)).status(), 'photo: anonymous').toBe(401);
		expect((await te.post('/api/console/photos', photo)).status(), 'photo: editor of another park').toBe(403);
		const uploaded = await nm.post('/api/console/photos', photo);
		expect(uploaded.status()).toBe(200);
		const { id } = await uploaded.json();
		expect((await anon.delete(`/api/console/photos/${id}`)).status(), 'photo delete: anonymous').toBe(401);
		expect((await te.delete(`/api/console/photos/${id}`)).status(), 'photo delete: editor of another park').toBe(403);
		expect((await nm.delete(`/api/console/photos/${id}`)).status()).toBe(200);
		expect((await nm.put(`/api/console/plots/${MATRIX_PLOT}`, { data: plotBody })).status()).toBe(200);
		// Stale version now: 409 with the current record, and nothing changed.
		const stale = await nm.put(`/api/console/plots/${MATRIX_PLOT}`, { data: { ...plotBody, notes: 'stale write' } });
		expect(stale.status()).toBe(409);
		expect((await stale.json()).current.notes).not.toBe('stale write');
		// The console's gate (hooks.server.ts) sends an anonymous form post to sign-in before the action runs:
		// as a redirect result to an enhanced form, as a 303 to a browser form.
		const asJson = await anon.post('/console/account', { form: { current: 'x', next: 'yyyyyyyyyyyy' }, headers: { accept: 'application/json' } });
		expect(await asJson.json()).toMatchObject({ type: 'redirect', status: 303, location: expect.stringMatching(/^\/signin\?next=/) });
		const asForm = await anon.post('/console/account', { form: { current: 'x', next: 'yyyyyyyyyyyy' }, maxRedirects: 0 });
		expect(asForm.status()).toBe(303);
		expect(asForm.headers()['location']).toMatch(/^\/signin\?next=/);
		// A park editor cannot change another user's password: the action only ever acts on the signed-in user.
		const wrong = await te.post('/console/account', { form: { current: 'not-my-password', next: 'yyyyyyyyyyyy' }, headers: { accept: 'application/json' } });
		expect((await wrong.json()).status).toBe(400);
		for (const c of [anon, te, nm]) await c.dispose();
	});
});

async function plotEditBody(nm: APIRequestContext) {
	const p = await (await nm.get(`/api/console/plots/${MATRIX_PLOT}`)).json();
	const keys = PLOT_EDIT_FIELDS;
	return { ...Object.fromEntries(keys.map((k) => [k, p[k]])), notes: 'matrix' };
}

test.describe('security basics', () => {
	test('sign-in is throttled after five failures for an account', async ({ playwright, baseURL }) => {
		const ctx = await apiAs(playwright, baseURL!);
		for (let i = 0; i < 5; i++) {
			expect((await ctx.post('/signin', { form: { email: 'editor-pl@demo.siteatlas', password: 'wrong-wrong-wrong' } })).status()).toBe(400);
		}
		expect((await ctx.post('/signin', { form: { email: 'editor-pl@demo.siteatlas', password: 'demo-pl-2026' } })).status()).toBe(429);
		await ctx.dispose();
	});
	test('a cross-origin form post is refused (CSRF)', async ({ playwright, baseURL }) => {
		const evil = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: 'http://evil.example' } });
		const res = await evil.post('/signin', { form: { email: 'admin@demo.siteatlas', password: 'demo-admin-2026' } });
		expect(res.status()).toBe(403);
		expect(res.headers()['set-cookie']).toBeUndefined();
		await evil.dispose();
	});
	test('user-entered text is escaped on public and console pages', async ({ page, playwright, baseURL }) => {
		const nm = await apiAs(playwright, baseURL!, 'editor-nm@demo.siteatlas', 'demo-nm-2026');
		const { version } = await (await nm.get(`/api/console/buildings/${NM_FACTORY}`)).json();
		const evil = '<img src=x onerror="window.__pwned=1">';
		const res = await nm.put(`/api/console/buildings/${NM_FACTORY}`, {
			data: {
				version,
				kind: 'standard_factory',
				floors: 2,
				rentYuanPerM2Day: 0.5,
				ownerName: evil,
				operatorName: `<script>window.__pwned=1</script>`,
				businessFormats: ['<b>bold</b>'],
				taxTier: 'none',
				published: true
			}
		});
		expect(res.status()).toBe(200);
		for (const url of [`/buildings/${NM_FACTORY}`, `/?sel=building:${NM_FACTORY}`]) {
			await page.goto(url);
			await expect(page.getByText(evil).first()).toBeVisible();
			expect(await page.locator('img[src="x"]').count()).toBe(0);
			expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
		}
		await nm.dispose();
	});
});

test('staff see every park’s records, and are told when the list is cut short', async ({ page }) => {
	await signIn(page, 'staff@demo.siteatlas', 'demo-staff-2026');
	await expect(page.getByTestId('console-records').locator('tbody tr')).toHaveCount(500);
	await expect(page.getByRole('status').filter({ hasText: '共 675 条' })).toBeVisible();
	await page.getByPlaceholder('按编号或名称查找').fill('B-SE-01');
	await page.getByRole('button', { name: '查找' }).click();
	await expect(page.getByTestId('console-records').locator('tbody tr')).toHaveCount(10);
	await expect(page.getByRole('status').filter({ hasText: '共' })).toHaveCount(0);
});
