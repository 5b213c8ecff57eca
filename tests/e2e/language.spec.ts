import { expect, test } from '@playwright/test';
import { generateSampleZone } from '../../src/lib/server/sample/generate';
import { signIn } from './helpers';

/** Answers from the server in the reader's language: the error pages, refused searches, refused edits. */
const zone = generateSampleZone();

test('a page one may not see says so in the reader’s language', async ({ page }) => {
	await signIn(page, 'editor-nm@demo.siteatlas', 'demo-nm-2026');
	const zh = await page.goto('/console/users');
	expect(zh!.status()).toBe(403);
	await expect(page.getByTestId('error-message')).toHaveText('您的账号没有查看此页面的权限。如需权限，请联系管理员。');
	await page.goto('/console/users?lang=en');
	await expect(page.getByTestId('error-message')).toHaveText('Your account may not see this page. Ask an administrator if you need access.');
	await expect(page.locator('main')).not.toContainText(/[\u4e00-\u9fff]/);
});

test('a refused search and heat request are explained in the reader’s language', async ({ page }) => {
	await page.goto('/?areaMin=abc');
	await expect(page.getByRole('alert').filter({ hasText: '请修正查找条件' })).toContainText('最小面积：请输入数字（收到“abc”）');
	await page.goto('/?areaMin=abc&lang=en');
	await expect(page.getByRole('alert').filter({ hasText: 'search' })).toContainText('Minimum area: enter a number (got “abc”)');
	// The API speaks the visitor's language too (the page's cookie), and names the field for programs.
	const en = await (await page.request.get('/api/heat?metric=gold&z=12&bbox=118.4,37.3,118.8,37.6')).json();
	expect(en.message).toContain('“gold” is not one of the choices');
	expect(en.errors[0]).toMatchObject({ field: 'metric', code: 'unknown' });
	await page.goto('/?lang=zh-CN');
	const zh = await (await page.request.get('/api/heat?metric=gold&z=12&bbox=118.4,37.3,118.8,37.6')).json();
	expect(zh.message).toBe('热力指标：无法识别“gold”，请从列表中选择');
});

test('a boundary laid over the neighbour’s is refused in Chinese, naming the neighbour', async ({ page }) => {
	await signIn(page, 'editor-nm@demo.siteatlas', 'demo-nm-2026');
	const [a, b] = zone.plots.filter((p) => p.park === 'NM' && p.published && !p.isIdle && !p.isLowEfficiency).slice(-2);
	const current = await (await page.request.get(`/api/console/plots/${a.code}`)).json();
	const res = await page.request.put(`/api/console/plots/${a.code}/boundary`, {
		headers: { origin: new URL(page.url()).origin },
		data: { version: current.version, geometry: b.boundary }
	});
	expect(res.status()).toBe(400);
	const body = await res.json();
	expect(body.message).toContain(`边界与地块 ${b.code}`);
	expect(body.message).not.toMatch(/[A-Za-z]{4,}/);
	expect(body.detail).toMatch(/^The boundary overlaps/);
});
