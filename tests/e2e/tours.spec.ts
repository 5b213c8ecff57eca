import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { generateSampleZone } from '../../src/lib/server/sample/generate';
import { atPath, signIn } from './helpers';

const zone = generateSampleZone();
const at = (code: string) => zone.facilities.find((f) => f.code === code)!.location;
const tour = {
	title: 'Delegation <Acme>',
	delegationOrg: 'Acme',
	delegationSize: 5,
	tourDate: '2026-12-03',
	startTime: '09:00',
	stops: [
		{ siteKind: 'facility', code: 'hotel-blue-ocean', location: at('hotel-blue-ocean'), label: 'Hotel', dwellMin: 0, notes: '' },
		{ siteKind: 'facility', code: 'ri-materials', location: at('ri-materials'), label: 'Institute', dwellMin: 30, notes: 'lab' },
		{ siteKind: 'facility', code: 'airport-shengli', location: at('airport-shengli'), label: 'Airport', dwellMin: 20, notes: '' }
	]
};

test('tours over HTTP: staff only, shareable, exportable, and a revoked link is gone', async ({ playwright, baseURL }) => {
	const ctx = (headers: Record<string, string> = {}) =>
		playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL!, accept: 'text/html', ...headers } });
	const staff = await ctx();
	await staff.post('/signin', { form: { email: 'staff@demo.siteatlas', password: 'demo-staff-2026' }, maxRedirects: 0 });
	const editor = await ctx();
	await editor.post('/signin', { form: { email: 'editor-nm@demo.siteatlas', password: 'demo-nm-2026' }, maxRedirects: 0 });
	const anon = await ctx();

	expect((await anon.post('/api/console/tours', { data: tour })).status()).toBe(401);
	expect((await editor.post('/api/console/tours', { data: tour })).status()).toBe(403);
	const created = await staff.post('/api/console/tours', { data: tour });
	expect(created.status()).toBe(200);
	const saved = await created.json();
	expect(saved.distanceM).toBeGreaterThan(1000);
	expect((await staff.put(`/api/console/tours/${saved.id}`, { data: { ...tour, version: saved.version + 5 } })).status()).toBe(409);
	expect((await staff.post('/api/console/tours', { data: { ...tour, startTime: '25:00' } })).status()).toBe(400);
	// A stop 20 km from any road: 400 naming the stop, nothing saved.
	const far = await staff.post('/api/console/tours', {
		data: { ...tour, stops: [...tour.stops, { ...tour.stops[0], siteKind: 'point', code: null, location: [119.0, 37.2], label: 'Sea' }] }
	});
	expect(far.status()).toBe(400);
	expect(await far.json()).toMatchObject({ error: 'far_from_road', stop: 3 });
	// Every editor endpoint is for staff: anonymous 401, a park editor 403.
	const endpoints: [string, string, unknown?][] = [
		['POST', '/api/console/tours/plan', tour],
		['POST', '/api/console/tours/optimise', { locations: tour.stops.map((s) => s.location) }],
		['GET', '/api/console/tours/stops?sites=facility:uni-upc'],
		['GET', `/api/console/tours/${saved.id}`],
		['GET', `/api/console/tours/${saved.id}/tour.gpx`],
		['POST', `/api/console/tours/${saved.id}/copy`, { title: 'x' }],
		['POST', `/api/console/tours/${saved.id}/share`, {}],
		['DELETE', `/api/console/tours/${saved.id}`]
	];
	for (const [method, url, data] of endpoints) {
		expect((await anon.fetch(url, { method, data })).status(), `${method} ${url} anonymous`).toBe(401);
		expect((await editor.fetch(url, { method, data })).status(), `${method} ${url} editor`).toBe(403);
	}
	expect((await editor.get('/console/tours')).status()).toBe(403);
	const planned = await (await staff.post('/api/console/tours/plan', { data: tour })).json();
	expect(planned.times.map((t: { arrival: string }) => t.arrival)[0]).toBe('09:00');
	expect((await staff.get(`/api/console/tours/${saved.id}/tour.kml`)).headers()['content-type']).toContain('kml');

	const share = await (await staff.post(`/api/console/tours/${saved.id}/share`, { data: {} })).json();
	const shared = await anon.get(`/api/tours/shared/${share.token}`);
	expect(shared.status()).toBe(200);
	expect((await shared.json()).title).toBe('Delegation <Acme>');
	// The delegation's organisation stays off a shared link unless staff choose to show it.
	expect((await shared.json()).delegationOrg).toBe('');
	const g = gpx(new DOMParser().parseFromString(await (await anon.get(`/api/tours/shared/${share.token}/tour.gpx`)).text(), 'text/xml') as unknown as Document);
	expect(g.features.filter((f) => f.geometry?.type === 'Point').map((f) => f.properties!.name)).toEqual(['1. Hotel', '2. Institute', '3. Airport']);
	expect(g.features.some((f) => f.geometry?.type === 'LineString')).toBe(true);
	const k = kml(new DOMParser().parseFromString(await (await anon.get(`/api/tours/shared/${share.token}/tour.kml`)).text(), 'text/xml') as unknown as Document);
	expect(k.features.length).toBe(4);
	expect((await (await anon.get(`/api/tours/shared/${share.token}/tour.geojson`)).json()).features).toHaveLength(4);

	const shown = await (await staff.post(`/api/console/tours/${saved.id}/share`, { data: { showDelegation: true } })).json();
	expect((await (await anon.get(`/api/tours/shared/${shown.token}`)).json()).delegationOrg).toBe('Acme');
	expect((await anon.get(`/api/tours/shared/${share.token}`)).status()).toBe(404);
	const hidden = await (await staff.post(`/api/console/tours/${saved.id}/share`, { data: { showDelegation: false } })).json();
	expect((await (await anon.get(`/api/tours/shared/${hidden.token}`)).json()).delegationOrg).toBe('');
	expect(await (await anon.get(`/tours/${hidden.token}`)).text()).not.toMatch(/>\s*Acme\s*</);
	expect((await staff.delete(`/api/console/tours/${saved.id}/share`)).status()).toBe(200);
	expect((await anon.get(`/api/tours/shared/${hidden.token}`)).status()).toBe(404);
	expect((await anon.get(`/api/tours/shared/${hidden.token}/tour.gpx`)).status()).toBe(404);
	for (const c of [staff, editor, anon]) await c.dispose();
});

/** Published plots on offer without a building on them, one per park, away from those other specs edit. */
const plotIn = (park: string) => {
	const built = new Set(zone.buildings.map((b) => b.plot));
	return zone.plots.filter((p) => p.park === park && p.published && p.supplyStatus === 'available' && !built.has(p.code))[2].code;
};

/** Centres the editor's map on a place and clicks it until the site card offers it (tiles may still be loading). */
async function addFromMap(page: Page, lonLat: number[], label: RegExp) {
	await page.evaluate(([lon, lat]) => (window.location.hash = `#16.5/${lat}/${lon}`), lonLat);
	const map = page.getByTestId('map');
	const card = page.getByTestId('tour-candidate');
	for (let attempt = 0; attempt < 5; attempt++) {
		await page.waitForTimeout(800 + attempt * 700);
		const box = (await map.boundingBox())!;
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		const offered = await card
			.filter({ hasText: label })
			.waitFor({ timeout: 2000 })
			.then(
				() => true,
				() => false
			);
		if (offered) break;
	}
	await expect(card).toContainText(label);
	await card.getByRole('button', { name: /加入路线/ }).click();
	await expect(card).toHaveCount(0);
}

async function stopLabels(page: Page): Promise<string[]> {
	const items = page.getByTestId('tour-stop');
	const out: string[] = [];
	for (let i = 0; i < (await items.count()); i++) out.push(await items.nth(i).getByLabel('名称', { exact: true }).inputValue());
	return out;
}

/** When lunch begins, in minutes after midnight: the departure shown for the stop before it, less lunch. */
async function lunchBegins(page: Page): Promise<number> {
	const after = Number(await page.locator('select[name=lunchAfterStop]').inputValue());
	const minutes = Number(await page.getByLabel('时长（分钟）').inputValue());
	const shown = (await page.getByTestId('stop-time').nth(after).innerText()).split('–')[1];
	const [h, m] = shown.split(':').map(Number);
	return h * 60 + m - minutes;
}

const drivingMinutes = (summary: string) => {
	const m = /车程 (?:(\d+) 小时 )?(\d+) 分钟/.exec(summary);
	return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : NaN;
};

test('staff build a five-stop tour on the map, reorder and optimise it, print it and share it with a signed-out reader', async ({
	page,
	browser,
	baseURL,
	request
}) => {
	test.setTimeout(180_000);
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(d.message());
		void (d.message().includes('未保存') && dialogs.length > 1 ? d.accept() : d.dismiss());
	});
	await signIn(page, 'staff@demo.siteatlas', 'demo-staff-2026');
	await page.getByRole('link', { name: '考察路线' }).click();
	await page.getByRole('link', { name: /新建路线/ }).click();
	await page.waitForURL(atPath(/\/console\/tours\/new$/));
	await page.locator('[data-testid="map"][data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });

	// Five sites picked on the map: the hotel, three plots in three parks, an office building in the science park.
	const building = zone.buildings.find((b) => b.park === 'SE' && b.kind === 'office' && b.published)!.code;
	const buildingAt = (await (await request.get(`/api/features/buildings/${building}`)).json()).labelPoint;
	const plots = ['AV', 'TE', 'NM'].map(plotIn);
	const plotAt = await Promise.all(plots.map(async (c) => (await (await request.get(`/api/features/plots/${c}`)).json()).labelPoint));
	await addFromMap(page, at('hotel-blue-ocean'), /蓝海国际大饭店/);
	await addFromMap(page, plotAt[0], new RegExp(plots[0]));
	await addFromMap(page, plotAt[1], new RegExp(plots[1]));
	await addFromMap(page, buildingAt, /./);
	await addFromMap(page, plotAt[2], new RegExp(plots[2]));
	await expect(page.getByTestId('tour-stop')).toHaveCount(5);
	await expect(page.getByTestId('tour-stop-marker')).toHaveCount(5);
	// The hotel is named by its kind, not by its internal code.
	await expect(page.getByTestId('tour-stop').first()).toContainText('起点 · 设施');
	await expect(page.getByTestId('tour-stops')).not.toContainText('hotel-blue-ocean');
	// The route is planned on the roads: a leg label per leg on the map, times at every stop.
	await expect(page.getByTestId('tour-leg-label')).toHaveCount(4);
	await expect(page.getByTestId('stop-time')).toHaveCount(5);
	const summary = page.getByTestId('tour-summary');
	await expect(summary).toContainText('公里');
	await expect(summary).not.toContainText('估算');

	await page.getByLabel('路线名称').fill('稀土催化材料考察团');
	await page.getByLabel('单位').fill('Acme Catalysts <GmbH>');
	await page.getByLabel('人数').fill('6');
	await page.getByLabel('联系人（仅内部可见）').fill('Ms. Chen +86 139 0000 0000');
	await page.getByTestId('tour-stop').nth(2).getByLabel('现场接待').fill('王经理 0546-1234567');
	await page.locator('select[name=lunchAfterStop]').selectOption('2');

	// Reorder: drag stop 2 below stop 4, then move the last-but-one up with the keyboard-friendly button.
	const before = await stopLabels(page);
	await page
		.getByTestId('tour-stop')
		.nth(1)
		.evaluate((el) => el.scrollIntoView({ block: 'start' }));
	const handle = (await page.getByTestId('tour-stop').nth(1).getByTestId('drag-handle').boundingBox())!;
	const target = (await page.getByTestId('tour-stop').nth(3).boundingBox())!;
	await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
	await page.mouse.down();
	await page.mouse.move(target.x + 40, target.y + target.height / 2, { steps: 12 });
	await page.mouse.up();
	const dragged = await stopLabels(page);
	expect(dragged).toEqual([before[0], before[2], before[3], before[1], before[4]]);
	await page.getByRole('button', { name: `上移: ${dragged[3]}` }).click();
	const reordered = await stopLabels(page);
	expect(reordered).toEqual([dragged[0], dragged[1], dragged[3], dragged[2], dragged[4]]);
	await expect(page.getByTestId('stop-time')).toHaveCount(5);
	await page.waitForTimeout(800);
	const drivenBefore = drivingMinutes(await summary.innerText());
	const lunchBefore = await lunchBegins(page);

	// Optimise: start and end stay, the middle is reordered for the least driving.
	await page.getByRole('button', { name: /优化顺序/ }).click();
	await expect(page.getByRole('status').filter({ hasText: /节省|已是车程最短/ })).toBeVisible();
	const optimised = await stopLabels(page);
	expect(optimised[0]).toBe(reordered[0]);
	expect(optimised[4]).toBe(reordered[4]);
	expect([...optimised].sort()).toEqual([...reordered].sort());
	await page.waitForTimeout(1200);
	expect(drivingMinutes(await summary.innerText())).toBeLessThanOrEqual(drivenBefore);
	// Lunch keeps its time of day (within one stop's stay and drive), not its old place in the list.
	await expect(page.locator('select[name=lunchAfterStop]')).not.toHaveValue('');
	await page.waitForTimeout(800);
	expect(Math.abs((await lunchBegins(page)) - lunchBefore)).toBeLessThanOrEqual(45);

	await page.getByRole('button', { name: '保存', exact: true }).click();
	await page.waitForURL(atPath(/\/console\/tours\/\d+$/));
	await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	await page.screenshot({ path: 'test-results/tour-editor.png' });
	// On a phone the editor stacks (map on top) without sideways scrolling.
	await page.setViewportSize({ width: 360, height: 740 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await page.setViewportSize({ width: 1280, height: 800 });

	// The print view: the overview map with all five stops, the schedule and a card per stop.
	const [print] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('print-link').click()]);
	await print.waitForLoadState();
	await expect(print.getByTestId('tour-overview')).toBeVisible();
	await expect(print.getByTestId('overview-stop')).toHaveCount(5);
	await expect(print.getByTestId('itinerary-stop')).toHaveCount(5);
	await expect(print.getByTestId('schedule').locator('tbody tr')).toHaveCount(6); // five stops and lunch
	await expect(print.getByTestId('itinerary')).toContainText('王经理 0546-1234567');
	await expect(print.getByTestId('itinerary')).toContainText('Acme Catalysts <GmbH>');
	await print.emulateMedia({ media: 'print' });
	await expect(print.getByRole('link', { name: '考察路线' })).toBeHidden();
	await print.screenshot({ path: 'test-results/tour-print.png', fullPage: true });
	await print.close();

	// Share: an unguessable link, copied to the clipboard, opened by someone signed out.
	await page.getByRole('button', { name: '生成分享链接' }).click();
	const link = await page.getByTestId('share-link').inputValue();
	expect(link).toMatch(/\/tours\/[A-Za-z0-9_-]{32}$/);
	await page.getByRole('button', { name: '复制链接' }).click();
	await expect(page.getByRole('status').filter({ hasText: '链接已复制' })).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

	const reader = await browser.newContext();
	const shared = await reader.newPage();
	await shared.goto(link);
	await expect(shared.getByRole('heading', { level: 1 })).toHaveText('稀土催化材料考察团');
	await expect(shared.getByTestId('itinerary-stop')).toHaveCount(5);
	await expect(shared.getByTestId('overview-stop')).toHaveCount(5);
	// On screen an interactive map with the route and its numbered stops; on paper the SVG overview.
	await expect(shared.getByTestId('tour-stop-marker')).toHaveCount(5, { timeout: 60_000 });
	await expect(shared.getByTestId('tour-overview')).toBeHidden();
	await shared.emulateMedia({ media: 'print' });
	await expect(shared.getByTestId('tour-overview')).toBeVisible();
	await shared.emulateMedia({ media: 'screen' });
	// Read-only, and without the delegation's own contact.
	await expect(shared.locator('input, textarea, select')).toHaveCount(0);
	await expect(shared.getByTestId('itinerary')).not.toContainText('Ms. Chen');
	await expect(shared.getByTestId('itinerary')).not.toContainText('Acme Catalysts');
	// The map has room: most of a laptop screen's height, and the credit line does not cover half of it.
	const live = (await shared.locator('.live').boundingBox())!;
	expect(live.height).toBeGreaterThanOrEqual(0.6 * 800 - 1);
	const credit = (await shared.locator('.live .map-credit').boundingBox())!;
	expect(credit.width * credit.height).toBeLessThan(0.1 * live.width * live.height);
	const gpxRes = await shared.request.get(`${link.replace('/tours/', '/api/tours/shared/')}/tour.gpx`);
	expect(gpxRes.status()).toBe(200);
	const g = gpx(new DOMParser().parseFromString(await gpxRes.text(), 'text/xml') as unknown as Document);
	expect(g.features.filter((f) => f.geometry?.type === 'Point')).toHaveLength(5);
	await shared.screenshot({ path: 'test-results/tour-shared.png', fullPage: true });
	const axe = await new AxeBuilder({ page: shared }).analyze();
	expect(
		axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);

	// Revoked: the page is gone for the reader.
	await page.getByRole('button', { name: '撤销链接' }).click();
	await expect(page.getByRole('status').filter({ hasText: '链接已撤销' })).toBeVisible();
	const gone = await shared.goto(link);
	expect(gone!.status()).toBe(404);
	await expect(shared.getByTestId('error-message')).toHaveText('此分享链接不存在、已被撤销或已过期。');
	await reader.close();

	// A colleague saves the same tour meanwhile: my save gets the conflict, and I can take theirs.
	const colleague = await page.context().newPage();
	await colleague.goto(page.url());
	await colleague.getByLabel('路线名称').fill('稀土催化材料考察团（修订）');
	await colleague.getByRole('button', { name: '保存', exact: true }).click();
	await expect(colleague.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	await colleague.close();
	await page.getByLabel('人数').fill('8');
	await page.getByRole('button', { name: '保存', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('保存期间此路线已被他人修改');
	await page.getByRole('button', { name: '放弃我的，载入最新' }).click();
	await expect(page.getByLabel('路线名称')).toHaveValue('稀土催化材料考察团（修订）');
	await expect(page.getByLabel('人数')).toHaveValue('6');
	await expect(page.getByRole('alert')).toHaveCount(0);

	// Moving the map never asked anything; leaving with unsaved edits asks (first answer: stay, then: leave).
	expect(dialogs).toEqual([]);
	await page.getByLabel('路线名称').fill('稀土催化材料考察团（第二天）');
	const editorUrl = page.url();
	await page.getByRole('link', { name: /全部路线/ }).click();
	await expect.poll(() => dialogs.length).toBe(1);
	expect(page.url()).toBe(editorUrl);
	await page.getByRole('link', { name: /全部路线/ }).click();
	await page.waitForURL(atPath(/\/console\/tours$/));
	await expect(page.getByTestId('tour-list')).toContainText('稀土催化材料考察团');
	await expect(page.getByTestId('tour-list')).not.toContainText('第二天');
});
