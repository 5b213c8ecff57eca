import { expect, test, type Page } from '@playwright/test';
import { waitForMap } from './helpers';

/** The public map's layout and behaviour on a desktop and a phone (issue: the map follows the user). */
const SEARCH = '/?industry=new_materials&areaMin=30&near=highway_exit&withinKm=10';

/** Where a [lon, lat] falls on the page, in CSS pixels. */
async function onScreen(page: Page, lonLat: [number, number]): Promise<{ x: number; y: number }> {
	return page.evaluate((p) => {
		const el = document.querySelector('[data-testid=map]') as HTMLElement & { maplibreMap: { project(p: [number, number]): { x: number; y: number } } };
		const r = el.getBoundingClientRect();
		const pt = el.maplibreMap.project(p);
		return { x: pt.x + r.left, y: pt.y + r.top };
	}, lonLat);
}

/** Whether the point is free for the map: the topmost element there is the map's own canvas. */
async function mapIsOnTop(page: Page, x: number, y: number): Promise<boolean> {
	return page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.tagName === 'CANVAS', [x, y]);
}

async function firstResults(page: Page): Promise<{ lon: number; lat: number }[]> {
	const res = await page.request.get(`/api/search${SEARCH.slice(1)}`);
	return (await res.json()).items;
}

async function settle(page: Page) {
	await page.waitForFunction(() => {
		const el = document.querySelector('[data-testid=map]') as HTMLElement & { maplibreMap?: { isMoving(): boolean; loaded(): boolean } };
		return el.maplibreMap && !el.maplibreMap.isMoving() && el.maplibreMap.loaded();
	});
}

test('desktop: the map moves to the results, keeps them clear of the panels, and its controls are never covered', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(SEARCH);
	await waitForMap(page);
	await settle(page);
	const items = await firstResults(page);
	expect(items.length).toBeGreaterThan(3);
	const sidebar = (await page.getByTestId('finder-sheet').boundingBox())!;
	for (const s of items.slice(0, 5)) {
		const p = await onScreen(page, [s.lon, s.lat]);
		expect(p.x, 'a result lies right of the finder').toBeGreaterThan(sidebar.x + sidebar.width);
		expect(await mapIsOnTop(page, p.x, p.y), 'a result is not under a panel').toBe(true);
	}
	// The zoom buttons take clicks.
	const zoomIn = page.locator('.maplibregl-ctrl-zoom-in');
	const box = (await zoomIn.boundingBox())!;
	expect(
		await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.className ?? '', [box.x + box.width / 2, box.y + box.height / 2])
	).toContain('maplibregl-ctrl-zoom-in');
	// The matches' outline is in the legend.
	await expect(page.getByTestId('legend-matches')).toBeVisible();

	// Toggling the heat map does not move the checkboxes under the pointer.
	const toggle = page.getByRole('checkbox', { name: '招商热力图' });
	const before = (await page.getByRole('checkbox', { name: '园区' }).boundingBox())!;
	await toggle.check();
	await expect(page.getByTestId('heat-legend').or(page.getByTestId('heat-empty'))).toBeVisible({ timeout: 60_000 });
	const after = (await page.getByRole('checkbox', { name: '园区' }).boundingBox())!;
	expect(Math.abs(after.y - before.y)).toBeLessThan(2);
	await toggle.uncheck();

	// "Show on the map": the site is centred in the free map, marked in the list and on the map.
	await page.getByRole('button', { name: '在地图上定位' }).nth(1).click();
	await expect(page.getByTestId('feature-panel')).toBeVisible();
	await settle(page);
	const second = page.locator('[data-testid=finder-results] ol > li').nth(1);
	await expect(second).toHaveAttribute('aria-current', 'true');
	const p = await onScreen(page, [items[1].lon, items[1].lat]);
	expect(await mapIsOnTop(page, p.x, p.y)).toBe(true);
	const card = (await page.getByTestId('feature-panel').boundingBox())!;
	expect(p.x).toBeLessThan(card.x);
	// Beside the card, the zoom buttons are still free.
	const box2 = (await zoomIn.boundingBox())!;
	expect(box2.x + box2.width).toBeLessThan(card.x);
	expect(errors).toEqual([]);
});

test('heat map: switched off and on it shows again, zoomed in it never fails, its fills step aside and its bands are distinct', async ({ page }) => {
	test.setTimeout(180_000);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/?industry=new_materials');
	await waitForMap(page);
	const toggle = page.getByRole('checkbox', { name: '招商热力图' });
	const shown = page.getByTestId('heat-legend').or(page.getByTestId('heat-empty'));
	const fill = () =>
		page.evaluate(() =>
			(
				document.querySelector('[data-testid=map]') as HTMLElement & { maplibreMap: { getLayoutProperty(l: string, p: string): string } }
			).maplibreMap.getLayoutProperty('plots-fill', 'visibility')
		);
	await toggle.check();
	await expect(page.getByTestId('heat-legend')).toBeVisible({ timeout: 60_000 });
	expect(await fill()).toBe('none');
	await toggle.uncheck();
	expect(await fill()).toBe('visible');
	await toggle.check();
	await expect(page.getByTestId('heat-legend')).toBeVisible({ timeout: 60_000 });
	await page.getByLabel('热力指标').selectOption('match');
	for (const zoom of [12, 14, 16]) {
		await page.evaluate(
			(z) => (document.querySelector('[data-testid=map]') as HTMLElement & { maplibreMap: { setZoom(z: number): void } }).maplibreMap.setZoom(z),
			zoom
		);
		await expect(shown).toBeVisible({ timeout: 60_000 });
		await expect(page.getByTestId('heat-status')).toHaveCount(0, { timeout: 60_000 });
		const labels = await page.getByTestId('heat-legend').locator('li').allTextContents();
		expect(new Set(labels).size).toBe(labels.length);
	}
	expect(errors).toEqual([]);
});

test('phone: the header folds, the finder is a sheet that steps aside for the site card, nothing covers the controls', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
	await context.addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
	const page = await context.newPage();
	await page.goto(SEARCH);
	await waitForMap(page);
	const header = (await page.locator('header.bar').boundingBox())!;
	expect(header.height).toBeLessThanOrEqual(56);
	// The layers toggle and the sheet's handle are on top where they are.
	for (const handle of [page.locator('[data-testid=map-controls] > summary'), page.locator('[data-testid=finder-sheet] > summary')]) {
		const b = (await handle.boundingBox())!;
		expect(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('summary') !== null, [b.x + b.width / 2, b.y + b.height / 2])).toBe(true);
	}
	await page.locator('[data-testid=finder-sheet] > summary').click();
	await page.getByRole('button', { name: 'Show on the map' }).first().click();
	await expect(page.getByTestId('feature-panel')).toBeVisible();
	await expect(page.getByTestId('feature-panel').locator('.kicker')).toHaveText(/^Land plot · /);
	await expect(page.getByTestId('finder-sheet')).not.toHaveAttribute('open', '');
	await settle(page);
	const items = await firstResults(page);
	const p = await onScreen(page, [items[0].lon, items[0].lat]);
	expect(await mapIsOnTop(page, p.x, p.y), 'the shown site is visible above the card').toBe(true);
	// The menu opens the rest of the header.
	await page.getByRole('button', { name: 'Menu' }).click();
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await context.close();
});
