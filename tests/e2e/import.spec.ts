/**
 * The import journey of a park editor: a GBK zipped Shapefile in a Gauss–Krüger zone for
 * their park, the dry run read (encoding, CRS, an overlap drawn in red on the map), the
 * mapping fixed, the commit, the new plots on the public map once published, and the undo.
 */
import { expect, test } from '@playwright/test';
import { mapPixel, signIn } from './helpers';

const FILE = 'tests/fixtures/import/journey-nm-gbk.zip';

test('an editor imports a GBK shapefile into their park, fixes the mapping, commits, sees the plots on the map, and undoes it', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await signIn(page, 'editor-nm@demo.siteatlas', 'demo-nm-2026');
	await page.goto('/console/imports');
	await expect(page.getByRole('heading', { level: 1, name: '导入数据' })).toBeVisible();
	await page.getByLabel('园区').selectOption('NM');
	await page.getByLabel('选择文件', { exact: true }).setInputFiles(FILE);

	// The dry run: GBK found from the DBF header, the zone from the .prj, samples readable.
	const report = page.getByTestId('import-report');
	await expect(report).toBeVisible();
	await expect(page.getByTestId('import-encoding')).toContainText('GBK — 读取自 DBF 文件头的代码页');
	await expect(page.getByTestId('import-encoding')).toContainText('新增工业用地（测试导入）');
	await expect(page.getByTestId('import-crs')).toContainText('EPSG:4528');
	await expect(page.getByTestId('import-crs')).toContainText('读取自 .prj 文件');
	const problems = page.getByTestId('problems');
	await expect(problems).toContainText('“用地性质”为必填项');
	await expect(problems).toContainText('与已有地块 NM-A01-01 重叠');

	// Click the overlap: the map flies there and it is drawn in red.
	await expect(page.getByTestId('import-map')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
	const overlap = problems.locator('li', { hasText: 'NM-A01-01' });
	await overlap.getByRole('button').click();
	await page.waitForTimeout(2500);
	const box = (await page.getByTestId('import-map').boundingBox())!;
	const [r, g, b] = await mapPixel(page, box.width / 2, box.height / 2);
	expect(r, `centre pixel ${r},${g},${b}`).toBeGreaterThan(g + 50);
	expect(r).toBeGreaterThan(b + 50);

	// Fix the mapping: land use comes from the YTDM column; check again.
	await page.getByTestId('mapping').getByLabel('用地性质', { exact: true }).selectOption('YTDM');
	await page.getByRole('button', { name: '按新设置重新检查' }).click();
	await expect(problems).not.toContainText('用地性质');
	await expect(page.getByTestId('import-diff')).toContainText('新增 2');

	// Commit the two clean plots, published at once; the overlapping one is left out.
	await page.getByLabel('跳过有问题的要素').check();
	await page.getByLabel(/新记录立即公开/).check();
	await page.getByRole('button', { name: /正式导入/ }).click();
	await expect(page.getByText(/已导入（第 \d+ 批）：新增 2，更新 0，跳过 1/).first()).toBeVisible();
	const history = page.getByTestId('import-history');
	await expect(history).toContainText('journey-nm-gbk.zip');
	await expect(history).toContainText('新增 2，更新 0');

	// On the public map: the new plot opens with its facts.
	await page.goto('/?sel=plot:NM-IMP-01');
	await expect(page.getByText('NM-IMP-01').first()).toBeVisible({ timeout: 30_000 });
	expect((await page.request.get('/api/features/plots/NM-IMP-01')).status()).toBe(200);

	// Undo: the plots are gone again.
	await page.goto('/console/imports');
	page.once('dialog', (d) => d.accept());
	await page.getByTestId('import-history').getByRole('button', { name: '撤销' }).first().click();
	await expect(page.getByText('已撤销：删除 2 条，恢复 0 条。')).toBeVisible();
	await expect(page.getByTestId('import-history')).toContainText('撤销');
	expect((await page.request.get('/api/features/plots/NM-IMP-01')).status()).toBe(404);
	expect(errors).toEqual([]);
});
