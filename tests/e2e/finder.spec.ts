import { expect, test, type Page, type Response } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { waitForMap } from './helpers';

async function search(page: Page) {
	await page.goto('/');
	await waitForMap(page);
	const finder = page.getByRole('form', { name: '找地找楼' });
	await finder.getByLabel('产业', { exact: true }).selectOption('new_materials');
	await finder.getByLabel('产业链', { exact: true }).selectOption('rare_earth_catalysis');
	await finder.getByLabel('我所在的产业链环节').selectOption('re_catalyst');
	await finder.getByPlaceholder('最小面积').fill('30');
	await finder.getByLabel('靠近').selectOption('highway_exit');
	await finder.getByLabel('距离不超过（公里）').fill('10');
	await finder.getByRole('button', { name: '查找' }).click();
	await expect(page).toHaveURL(/industry=new_materials/);
	await expect(page.getByTestId('finder-results').getByRole('heading')).toContainText('按匹配度排序');
}

test.describe('an investor finds a site', () => {
	test('filters, ranked results with reasons, site page, compare, enquiry, and a link that restores it all', async ({ page, browser, request }) => {
		await search(page);
		const results = page.getByTestId('finder-results');
		const items = results.locator('ol > li');
		expect(await items.count()).toBeGreaterThan(2);
		// Ranked: scores never increase down the list; reasons say why in plain words.
		const scores = (await results.locator('.score').allTextContents()).map(Number);
		expect([...scores].sort((a, b) => b - a)).toEqual(scores);
		await expect(items.first()).toContainText('产业链：稀土催化材料 ✓');
		await expect(items.first()).toContainText(/亩（要求 ≥ 30 亩） ✓/);
		await expect(items.first()).toContainText(/距高速出口 [\d.]+ 公里 ✓/);
		await expect(items.first()).toContainText(/家上游供应商 ✓/);

		// The whole state is in the URL: filters, heat metric and selection.
		await page.getByLabel('招商热力图').check();
		await expect(page.getByTestId('heat-legend')).toContainText('亩');
		await items.first().getByRole('button', { name: '在地图上定位' }).click();
		const firstCode = (await items.first().locator('a.name').textContent())!.trim();
		await expect(page.getByTestId('feature-panel').getByTestId('fact-code')).toHaveText(firstCode);
		await expect(page).toHaveURL(new RegExp(`sel=plot%3A${firstCode}|sel=plot:${firstCode}`));
		const shared = page.url();
		const other = await browser.newContext();
		const page2 = await other.newPage();
		await page2.goto(shared);
		await expect(page2.getByTestId('finder-results').locator('ol > li').first().locator('a.name')).toHaveText(firstCode);
		await expect(page2.getByRole('form', { name: '找地找楼' }).getByLabel('产业链', { exact: true })).toHaveValue('rare_earth_catalysis');
		await expect(page2.getByTestId('feature-panel').getByTestId('fact-code')).toHaveText(firstCode);
		// Beside the site card the layer panel is folded; opened, it shows the heat map's legend.
		await page2.getByTestId('map-controls').locator('summary').click();
		await expect(page2.getByTestId('heat-legend')).toBeVisible();
		await other.close();

		// Open two site pages and add both to the comparison.
		const secondCode = (await items.nth(1).locator('a.name').textContent())!.trim();
		await items.first().locator('a.name').click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`地块 ${firstCode}`);
		await expect(page.getByRole('heading', { name: '九通一平' })).toBeVisible();
		await expect(page.getByRole('heading', { name: '周边配套' })).toBeVisible();
		await page.getByRole('button', { name: '加入对比' }).click();
		await page.goto(`/plots/${secondCode}`);
		await page.getByRole('button', { name: '加入对比' }).click();
		await page.getByRole('link', { name: '对比（2）' }).click();
		const table = page.getByTestId('compare-table');
		await expect(table.locator('thead th')).toHaveCount(3);
		await expect(table).toContainText(firstCode);
		await expect(table).toContainText(secondCode);
		expect(await table.locator('td.differs').count()).toBeGreaterThan(0);

		// Send an enquiry; a failed submit keeps what was typed.
		await page.goto(`/plots/${firstCode}`);
		const form = page.getByRole('region', { name: '我要咨询' });
		await form.getByLabel('公司名称 *').fill('Acme <Ceramics> & Co');
		await form.getByLabel('联系人 *').fill('Li Lei');
		await form.getByLabel('留言').fill('We need 35 亩 for a catalyst line.');
		await form.getByRole('button', { name: '提交咨询' }).click();
		await expect(form.getByRole('alert').first()).toContainText('请修正');
		await expect(form.getByLabel('公司名称 *')).toHaveValue('Acme <Ceramics> & Co');
		await expect(form.getByLabel('留言')).toHaveValue('We need 35 亩 for a catalyst line.');
		await form.getByLabel('电子邮箱').fill('li.lei@example.com');
		await form.getByRole('button', { name: '提交咨询' }).click();
		const thanks = page.getByTestId('enquiry-thanks');
		await expect(thanks).toContainText('编号 SA-');
		const reference = (await thanks.textContent())!.match(/SA-\d{4}-[2-9A-Z]{6}/)![0];
		// The enquiry is in the database, tied to the plot.
		const stored = await request.get(`/api/enquiries/${reference}`);
		expect(stored.status()).toBe(200);
		expect(await stored.json()).toMatchObject({ reference, status: 'new', siteKind: 'plot', siteCode: firstCode });
	});

	test('draws a circle on the map to limit the search', async ({ page }) => {
		await page.goto('/#13/37.47/118.585');
		await waitForMap(page);
		await page.getByRole('button', { name: '在地图上画圆' }).click();
		// terra-draw loads on first use; the map says when it is ready to draw.
		await page.locator('[data-testid="map"][data-drawing="circle"]').waitFor({ state: 'attached' });
		await expect(page.getByRole('status').filter({ hasText: '双击结束' })).toBeVisible();
		const box = (await page.getByTestId('map').boundingBox())!;
		const cx = box.x + box.width * 0.62;
		const cy = box.y + box.height / 2;
		await page.mouse.click(cx, cy);
		await page.mouse.move(cx + 60, cy, { steps: 5 });
		await page.mouse.click(cx + 60, cy);
		await expect(page).toHaveURL(/circle=/);
		await expect(page.getByTestId('finder-results').getByRole('heading')).toBeVisible();
		await expect(page.getByText('查找范围 · 已限定范围')).toBeVisible();
	});

	test('loads deck.gl only for the heat map: when the pointer reaches its switch, before it is switched on', async ({ page }) => {
		const scripts: Response[] = [];
		page.on('response', (r) => {
			if (r.request().resourceType() === 'script') scripts.push(r);
		});
		await page.goto('/');
		await waitForMap(page);
		const bodies = async () => Promise.all(scripts.map(async (r) => (await r.text().catch(() => '')) as string));
		const before = scripts.length;
		expect(before).toBeGreaterThan(3);
		expect((await bodies()).some((b) => b.includes('deck.gl'))).toBe(false);
		// Pointing at the switch fetches deck.gl ahead of the click …
		await page.getByLabel('招商热力图').hover();
		await expect.poll(async () => (await bodies()).slice(before).some((b) => b.includes('deck.gl')), { timeout: 30_000 }).toBe(true);
		// … so switching on shows the heat map with no code left to fetch.
		const fetched = scripts.length;
		await page.getByLabel('招商热力图').check();
		await expect(page.getByTestId('heat-legend')).toBeVisible();
		expect((await bodies()).slice(fetched).some((b) => b.includes('deck.gl'))).toBe(false);
	});

	test('works by keyboard: filters, search and results', async ({ page }) => {
		await page.goto('/');
		await waitForMap(page);
		const industry = page.getByRole('form', { name: '找地找楼' }).getByLabel('产业', { exact: true });
		await industry.focus();
		await page.keyboard.press('ArrowDown');
		await expect(industry).not.toHaveValue('');
		await page.getByRole('button', { name: '查找' }).focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/industry=/);
		const first = page.getByTestId('finder-results').locator('ol > li').first().locator('a.name');
		await first.focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/plots\//);
	});

	test('is usable at 360 px wide', async ({ browser }) => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		const page = await context.newPage();
		await page.goto('/?areaMin=20');
		await waitForMap(page);
		await page.locator('summary', { hasText: '找地找楼' }).click();
		await expect(page.getByTestId('finder-results').locator('ol > li').first()).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await page.screenshot({ path: 'test-results/finder-360.png' });
		const code = (await page.getByTestId('finder-results').locator('ol > li a.name').first().textContent())!.trim();
		await page.goto(`/plots/${code}`);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
		await context.close();
	});

	test('has no serious or critical accessibility violations on the map and site pages', async ({ page }) => {
		const check = async (label: string) => {
			const result = await new AxeBuilder({ page }).analyze();
			const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
			expect(bad.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		};
		await page.goto('/?industry=new_materials');
		await waitForMap(page);
		await check('map');
		const code = (await page.getByTestId('finder-results').locator('ol > li a.name').first().textContent())!.trim();
		await page.goto(`/plots/${code}`);
		await check('plot page');
		await page.goto('/buildings/B-SE-017');
		await check('building page');
		await page.goto('/parks/NM');
		await check('park page');
		await page.goto('/?lang=en');
		await waitForMap(page);
		await check('map (English)');
	});
});

test.describe('bad input gets a 400 with a message, never a 500', () => {
	const cases = [
		'/api/search?industry=unobtainium',
		'/api/search?areaMin=-5',
		'/api/search?pageSize=100000',
		'/api/search?polygon=118.5 37.4;118.6',
		'/api/search?polygon=118.5 37.4;118.6 37.5;118.6 37.4;118.5 37.5',
		'/api/search?near=spaceport',
		'/api/search?circle=118.5,37.4,-1',
		'/api/heat?metric=gold&z=12&bbox=118.4,37.3,118.8,37.6',
		'/api/heat?metric=available_land&z=18&bbox=100,20,130,50',
		'/api/heat?metric=match&z=12&bbox=118.4,37.3,118.8,37.6&industry=nope',
		'/api/enquiries/not-a-reference'
	];
	for (const url of cases) {
		test(`GET ${url}`, async ({ request }) => {
			const res = await request.get(url);
			expect(res.status()).toBe(400);
			const body = await res.json();
			expect(body.message.length).toBeGreaterThan(5);
		});
	}
	test('POST enquiries and requirements with broken or incomplete bodies', async ({ request }) => {
		const broken = await request.post('/api/enquiries', { data: 'not json', headers: { 'content-type': 'application/json' } });
		expect(broken.status()).toBe(400);
		const incomplete = await request.post('/api/enquiries', { data: { siteKind: 'plot', siteCode: 'X', company: 'A', contactName: 'B' } });
		expect(incomplete.status()).toBe(400);
		expect((await incomplete.json()).errors[0]).toMatchObject({ field: 'contactEmail', code: 'form.contact_needed' });
		const negative = await request.post('/api/enquiries', {
			data: { siteKind: 'plot', siteCode: 'X', company: 'A', contactName: 'B', contactEmail: 'a@b.cn', spaceNeeded: -3 }
		});
		expect(negative.status()).toBe(400);
		const badFilters = await request.post('/api/requirements', {
			data: { company: 'A', contactName: 'B', contactEmail: 'a@b.cn', filters: 'areaMin=-1' }
		});
		expect(badFilters.status()).toBe(400);
	});
});
