import { expect, test } from '@playwright/test';

/**
 * The flagship search (rare-earth catalysis, at least 30 mu, within 5 km of a highway exit)
 * finds nothing on the sample zone: the finder says how far the nearest fitting plot is and
 * widens the search in one click, in either language.
 */
test('a search that finds nothing offers the nearest fitting site and widens in one click', async ({ page }) => {
	const q = 'industry=new_materials&chain=rare_earth_catalysis&areaMin=30&near=highway_exit&withinKm=5';
	await page.goto(`/?${q}&lang=zh-CN`);
	const advice = page.getByTestId('finder-advice');
	await expect(advice).toContainText(/最近的符合条件的地点距高速出口 \d+(\.\d)? 公里/);
	const widen = page.getByTestId('widen-distance');
	await expect(widen).toHaveText(/放宽到 [\d.]+ 公里（\d+ 处）/);
	await widen.click();
	await expect(page.getByTestId('finder-results').locator('h2')).toHaveText(/共 \d+ 个结果/);
	expect(Number(new URL(page.url()).searchParams.get('withinKm'))).toBeGreaterThan(5);
	await page.goto(`/?${q}&lang=en`);
	await expect(page.getByTestId('finder-advice')).toContainText(/The closest site that fits is [\d.]+ km from the nearest highway exit\./);
	await expect(page.getByTestId('widen-distance')).toHaveText(/Widen to [\d.]+ km \((1 site|\d+ sites)\)/);
});
