import { expect, test } from '@playwright/test';
import { knownAvailablePlot, mapPixel, nearestStatus, waitForMap } from './helpers';

test.describe('the investment map', () => {
	test('loads in Chinese with the zone, layers, legend and sample-data notice', async ({ page }) => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto('/');
		await waitForMap(page);
		await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('SiteAtlas 招商一张图');
		await expect(page.getByText(/^示例数据：/)).toBeVisible();
		for (const name of ['园区', '地块', '楼宇/厂房', '配套设施', '道路']) {
			await expect(page.getByRole('checkbox', { name })).toBeChecked();
		}
		await expect(page.getByRole('region', { name: '图例' }).getByText('可供应')).toBeVisible();
		// Park names are drawn as HTML labels (no glyph server is needed).
		await expect(page.locator('.map-label-parks', { hasText: '新材料产业园' })).toBeVisible();
		await page.screenshot({ path: 'test-results/map-overview.png' });
		expect(errors).toEqual([]);
	});

	test('draws a plot in its supply-status colour, and a click shows its code and area', async ({ page, request }) => {
		const code = knownAvailablePlot();
		const res = await request.get(`/api/features/plots/${code}`);
		expect(res.ok()).toBe(true);
		const plot = await res.json();
		const [lon, lat] = plot.labelPoint;
		await page.goto(`/#17/${lat}/${lon}`);
		await waitForMap(page);
		const box = (await page.locator('[data-testid="map"]').boundingBox())!;
		const cx = box.width / 2;
		const cy = box.height / 2;
		const pixel = await mapPixel(page, cx, cy);
		const nearest = nearestStatus(pixel);
		expect(nearest.status, `pixel ${pixel}`).toBe('available');
		expect(nearest.distance).toBeLessThan(70);

		// Hiding the plots layer takes the colour away.
		await page.getByRole('checkbox', { name: '地块' }).uncheck();
		await page.waitForTimeout(800);
		expect(nearestStatus(await mapPixel(page, cx, cy)).distance).toBeGreaterThan(nearest.distance + 20);
		await page.getByRole('checkbox', { name: '地块' }).check();
		await page.waitForTimeout(800);

		await page.mouse.click(box.x + cx, box.y + cy);
		const panel = page.getByTestId('feature-panel');
		await expect(panel.getByTestId('fact-code')).toHaveText(code);
		const mu = (plot.areaM2 / (10000 / 15)).toFixed(1);
		await expect(panel.getByTestId('fact-area')).toContainText(`${mu} 亩`);
		await expect(panel).toContainText('可供应');
		await page.screenshot({ path: 'test-results/map-plot-panel.png' });

		await page.keyboard.press('Escape');
		await expect(panel).toHaveCount(0);
	});

	test('switches to English and back, keeping the choice across reloads', async ({ page }) => {
		await page.goto('/');
		await waitForMap(page);
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('SiteAtlas Investment Map');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('region', { name: 'Legend' }).getByText('Available', { exact: true })).toBeVisible();
		await expect(page.locator('.map-label-parks', { hasText: 'New Materials Industrial Park' })).toBeVisible();
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('SiteAtlas Investment Map');
		await page.getByRole('link', { name: '中文' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('SiteAtlas 招商一张图');
	});

	test('works without JavaScript for the language link (server-rendered page)', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/?lang=en');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('SiteAtlas Investment Map');
		await context.close();
	});
});
