import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { expectReadablePage, signIn } from './helpers';

/**
 * Downloads as users take them: from a park page (GeoPackage, and a GBK Shapefile), from the
 * finder's results and from a console list; each file opens in GDAL with the records the
 * page speaks of. The developer page reads in both languages, passes axe and fits a phone.
 */
test.setTimeout(300_000);

async function take(page: Page, menu: string, format: string): Promise<string> {
	await page.getByTestId(menu).locator('summary').click();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(menu).locator(`a[data-format="${format}"]`).click()]);
	const file = test.info().outputPath(download.suggestedFilename());
	await download.saveAs(file);
	return file;
}

const count = (file: string) => Number(/Feature Count: (\d+)/.exec(execFileSync('ogrinfo', ['-so', '-al', file], { encoding: 'utf8' }))?.[1]);

test('a park page, the finder and a console list download files GDAL opens with their records', async ({ page, request }) => {
	await page.goto('/parks/NM');
	const gpkg = await take(page, 'park-export-plots', 'gpkg');
	expect(gpkg).toMatch(/plots-NM-\d{4}-\d{2}-\d{2}\.gpkg$/);
	const published = (await (await request.get('/ogc/collections/plots/items?park=NM&limit=1')).json()).numberMatched;
	expect(count(gpkg)).toBe(published);
	// A shapefile for older ArcGIS: GBK text, which GDAL reads back through its .cpg.
	await page.getByTestId('park-export-buildings').locator('summary').click();
	await page.getByTestId('park-export-buildings').locator('select').selectOption('gbk');
	const [shp] = await Promise.all([page.waitForEvent('download'), page.getByTestId('park-export-buildings').locator('a[data-format="shp"]').click()]);
	const zip = test.info().outputPath(shp.suggestedFilename());
	await shp.saveAs(zip);
	expect(execFileSync('ogrinfo', ['-al', '-q', `/vsizip/${zip}`], { encoding: 'utf8' })).toMatch(/name_zh \(String\) = [\u4e00-\u9fff]/);

	// The finder: every result of the search as Excel, whatever page the list shows.
	await page.goto('/?industry=new_materials&areaMin=20');
	const total = (await (await request.get('/api/search?industry=new_materials&areaMin=20')).json()).total;
	const xlsx = await take(page, 'finder-export', 'xlsx');
	expect(count(xlsx)).toBe(total);

	// A console list: the enquiry inbox as CSV, what the list counts.
	await signIn(page, 'staff@demo.siteatlas', 'demo-staff-2026');
	await page.goto('/console/enquiries');
	const inbox = (await (await page.request.get('/api/console/enquiries')).json()).total;
	const csv = await take(page, 'export-menu', 'csv');
	expect(count(csv)).toBe(inbox);
});

test('the developer page reads in both languages, passes axe and fits a 360 px phone', async ({ page }) => {
	for (const lang of ['zh-CN', 'en'] as const) await expectReadablePage(page, '/developers', lang, /\b(api|export)\.[a-z_]{3,}/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open interfaces and downloads');
	await expect(page.locator('pre').first()).toContainText('/ogc/collections/plots/items');
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/developers?lang=zh-CN');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
