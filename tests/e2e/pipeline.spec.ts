import { expect, test, type Page } from '@playwright/test';
import { generateSampleZone } from '../../src/lib/server/sample/generate';
import { atPath, expectReadablePage, knownAvailablePlot, signIn } from './helpers';

const zone = generateSampleZone();
const at = (code: string) => zone.facilities.find((f) => f.code === code)!.location;
const RAW = /\b(inbox|pipeline|project|proposal|chains|rates|demand|enquiry_status|lost_reason|outbox_status|target_status|enterprise_mark)\.[a-z_]+/;

/** The projects the 挂图作战 map draws, as MapLibre renders them. */
async function drawnProjects(page: Page): Promise<number[]> {
	await page.locator('[data-testid="project-map"][data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });
	return page.evaluate(() => {
		const el = document.querySelector('[data-testid="project-map"]') as HTMLElement & { maplibreMap?: import('maplibre-gl').Map };
		return el.maplibreMap!.queryRenderedFeatures({ layers: ['projects'] }).map((f) => Number(f.properties.id));
	});
}

test.describe.configure({ mode: 'serial' });

test('an enquiry goes from the investor to the inbox, is won, becomes a project on the map and the dispatch sheet', async ({ page, browser }) => {
	// Many pages, each checked with axe: minutes on a busy 2-core machine, not one.
	test.setTimeout(300_000);
	const plot = knownAvailablePlot();
	// The investor asks about a plot.
	const investor = await (await browser.newContext()).newPage();
	await investor.goto(`/plots/${plot}`);
	await investor.waitForLoadState('networkidle');
	const form = investor.getByRole('region', { name: '我要咨询' });
	await form.getByLabel('公司名称 *').fill('Pipeline <Journey> Materials');
	await form.getByLabel('联系人 *').fill('Wang Fang');
	await form.getByLabel('电子邮箱').fill('wang.fang@example.com');
	await form.getByLabel('留言').fill('We need about 40 亩 for a ceramics line.');
	await form.getByRole('button', { name: '提交咨询' }).click();
	const thanks = investor.getByTestId('enquiry-thanks');
	await expect(thanks).toContainText('SA-');
	const reference = (await thanks.textContent())!.match(/SA-\d{4}-[2-9A-Z]{6}/)![0];
	await thanks.getByRole('link', { name: '查看办理进度' }).click();
	await expect(investor.getByTestId('enquiry-stage')).toContainText('新询盘');

	// Staff find it in the inbox, assign it and move it on to won.
	await signIn(page, 'staff@demo.siteatlas', 'demo-staff-2026');
	await page.goto(`/console/enquiries?q=${reference}`);
	await expect(page.getByTestId('inbox')).toContainText('Pipeline <Journey> Materials');
	await page.getByRole('link', { name: reference }).click();
	await expect(page.getByTestId('enquiry-status')).toHaveText('新询盘');
	const enquiryUrl = new URL(page.url()).pathname;
	await page.getByTestId('owner').selectOption({ label: '李静' });
	await page.getByRole('button', { name: '指派' }).click();
	await expect(page.getByRole('status')).toContainText('负责人已更新');
	await page.getByTestId('move-to').selectOption('negotiating');
	await page.getByRole('button', { name: '更新状态' }).click();
	await expect(page.getByTestId('enquiry-status')).toHaveText('洽谈中');
	await page.getByLabel('跟进备注').fill('已电话沟通，下周来访。');
	await page.getByRole('button', { name: '添加备注' }).click();
	await expect(page.getByTestId('enquiry-history')).toContainText('已电话沟通，下周来访。');
	await page.getByTestId('move-to').selectOption('won');
	await page.getByRole('button', { name: '更新状态' }).click();
	await expect(page.getByTestId('enquiry-status')).toHaveText('已落地');
	await expect(page.getByTestId('enquiry-history')).toContainText('指派给 李静');

	// The investor sees the stage in their language.
	await investor.goto(`/enquiries/${reference}?lang=en`);
	await expect(investor.getByTestId('enquiry-stage')).toContainText('Won');

	// Won → a project in one click, keeping the enquiry's history.
	await page.getByTestId('convert').click();
	await page.waitForURL(atPath(/\/console\/projects\/\d+$/));
	const projectId = Number(page.url().split('/').at(-1));
	await expect(page.getByTestId('project-stage')).toContainText('考察洽谈');
	await expect(page.getByText(`来自询盘 ${reference}`)).toBeVisible();
	await expect(page.locator('main')).toContainText('由询盘');

	// A weekly update (一周一调度), and the project is signed.
	await page.getByTestId('weekly-progress').fill('完成项目可研报告评审');
	await page.getByRole('button', { name: '提交周调度' }).click();
	await expect(page.getByTestId('weekly-updates')).toContainText('完成项目可研报告评审');
	await page.getByTestId('project-move-to').selectOption('signed');
	await page.getByRole('button', { name: '推进', exact: true }).click();
	await expect(page.getByTestId('project-stage')).toContainText('已签约');

	// In the pipeline and on the 挂图作战 map, with its card.
	await page.goto('/console/projects?q=Pipeline');
	await expect(page.getByTestId('pipeline')).toContainText('Pipeline <Journey> Materials');
	await page.goto('/console/projects/map?q=Pipeline');
	expect(await drawnProjects(page)).toContain(projectId);
	const point = await page.evaluate((id) => {
		const el = document.querySelector('[data-testid="project-map"]') as HTMLElement & { maplibreMap?: import('maplibre-gl').Map };
		const m = el.maplibreMap!;
		const f = m.queryRenderedFeatures({ layers: ['projects'] }).find((x) => Number(x.properties.id) === id)!;
		const p = m.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
		const r = el.getBoundingClientRect();
		return { x: r.left + p.x, y: r.top + p.y };
	}, projectId);
	await page.mouse.click(point.x, point.y);
	await expect(page.getByTestId('project-card')).toContainText('Pipeline <Journey> Materials');
	await expect(page.getByTestId('project-card')).toContainText('已签约');

	// The dispatch sheet: the map drawn as SVG with the project's symbol, and the table.
	await page.goto('/console/projects/print?q=Pipeline');
	await expect(page.getByTestId('dispatch-table')).toContainText('Pipeline <Journey> Materials');
	const svg = page.getByTestId('dispatch-map').locator('svg').first();
	await expect(svg.locator('g[data-stage="signed"]')).toHaveCount(1);
	expect(await page.locator('canvas').count()).toBe(0);

	// The detail pages read in both languages and pass axe; so does the investor's status page.
	for (const lang of ['zh-CN', 'en'] as const) {
		for (const url of [enquiryUrl, `/console/projects/${projectId}`, '/console/projects/print?q=Pipeline', '/console/projects/new', '/console/proposals/new'])
			await expectReadablePage(page, url, lang, RAW);
		await expectReadablePage(investor, `/enquiries/${reference}`, lang, RAW);
	}
});

test('the chain map shows the gaps, and a gap link opens the finder preset to it', async ({ page }) => {
	await signIn(page, 'staff@demo.siteatlas', 'demo-staff-2026');
	await page.goto('/console/chains?chain=rail_wheelset');
	const axle = page.getByTestId('chain-graph').locator('[data-link="rw_axle"]');
	await expect(axle).toHaveAttribute('data-gap', 'missing');
	await expect(axle).toContainText('补链');
	await axle.getByRole('link').click();
	const panel = page.getByTestId('link-panel');
	await expect(panel).toContainText('区内还没有这个环节的企业');
	// Put a firm on the 招商目录, then open the finder for the link.
	await panel.getByLabel('企业名称').last().fill('示例车轴集团');
	await panel.getByRole('button', { name: '加入招商目录' }).click();
	await expect(page.getByTestId('target-firms')).toContainText('示例车轴集团');
	await panel.getByTestId('finder-land').click();
	await page.waitForURL(/link=rw_axle/);
	const finder = page.getByRole('form', { name: '找地找楼' });
	await expect(finder.getByLabel('产业链', { exact: true })).toHaveValue('rail_wheelset');
	await expect(finder.getByLabel('我所在的产业链环节')).toHaveValue('rw_axle');
});

test('a proposal with two sites and a tour opens signed out only with its code', async ({ page, browser, playwright, baseURL }) => {
	await signIn(page, 'staff@demo.siteatlas', 'demo-staff-2026');
	// A tour to attach.
	const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL!, accept: 'text/html' } });
	await api.post('/signin', { form: { email: 'staff@demo.siteatlas', password: 'demo-staff-2026' }, maxRedirects: 0 });
	const tour = await api.post('/api/console/tours', {
		data: {
			title: '推介方案考察路线',
			delegationOrg: '示例考察团',
			delegationSize: 6,
			tourDate: '2026-12-10',
			startTime: '09:00',
			stops: [
				{ siteKind: 'facility', code: 'hotel-blue-ocean', location: at('hotel-blue-ocean'), label: '酒店', dwellMin: 0, notes: '' },
				{ siteKind: 'facility', code: 'ri-materials', location: at('ri-materials'), label: '研究院', dwellMin: 30, notes: '' }
			]
		}
	});
	expect(tour.status()).toBe(200);
	const sites = zone.plots.filter((p) => p.published && p.supplyStatus === 'available').slice(0, 2);
	await page.goto(`/console/proposals/new?sites=${sites.map((s) => `plot:${s.code}`).join(',')}`);
	await expect(page.getByTestId('proposal-sites').locator('li')).toHaveCount(2);
	await page.getByTestId('proposal-title').fill('新材料产业园推介方案');
	await page.getByLabel('考察团').fill('示例考察团 <访问>');
	await page.getByLabel('考察路线').selectOption({ label: '推介方案考察路线' });
	await page.getByRole('button', { name: '生成方案' }).click();
	await page.waitForURL(atPath(/\/console\/proposals\/\d+$/));
	const code = (await page.getByTestId('proposal-code').textContent())!.trim();
	const link = (await page.getByTestId('proposal-link').textContent())!.trim();
	expect(code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);

	// Signed out: the link alone shows only the code form; a wrong code is 404; the right one opens it.
	const guest = await browser.newContext();
	const g = await guest.newPage();
	await g.goto(link);
	await expect(g.getByTestId('proposal')).toHaveCount(0);
	await g.getByTestId('code-input').fill(code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ');
	const wrong = g.waitForResponse((r) => r.request().method() === 'POST');
	await g.getByRole('button', { name: '打开方案' }).click();
	expect((await wrong).status()).toBe(404);
	await expect(g.getByTestId('code-wrong')).toBeVisible();
	await g.getByTestId('code-input').fill(code);
	await g.getByRole('button', { name: '打开方案' }).click();
	const doc = g.getByTestId('proposal');
	await expect(doc).toContainText('新材料产业园推介方案');
	await expect(doc).toContainText('致 示例考察团 <访问>');
	await expect(doc.getByTestId('proposal-site')).toHaveCount(2);
	await expect(doc.getByTestId('compare-table')).toBeVisible();
	await expect(doc.getByTestId('itinerary')).toContainText('推介方案考察路线');
	await expectReadablePage(g, link, 'en', RAW, 'article');
	await expect(g.getByTestId('proposal')).toContainText('Investment proposal');
	await guest.close();

	// Its views are counted (opened with the code, then read in English); revoked, the link is gone.
	await page.reload();
	await expect(page.locator('main')).toContainText('已浏览 2 次');
	await page.getByRole('button', { name: '撤销链接' }).click();
	await expect(page.getByTestId('proposal-dead')).toBeVisible();
	const after = await browser.newContext();
	const a = await after.newPage();
	await a.goto(link);
	await a.getByTestId('code-input').fill(code);
	const gone = a.waitForResponse((r) => r.request().method() === 'POST');
	await a.getByRole('button', { name: '打开方案' }).click();
	expect((await gone).status()).toBe(404);
	await after.close();
});

test('the pipeline pages read in both languages, pass axe and fit a phone', async ({ page }) => {
	// Many pages, each checked with axe: minutes on a busy 2-core machine, not one.
	test.setTimeout(300_000);
	await signIn(page, 'staff@demo.siteatlas', 'demo-staff-2026');
	const pages = [
		'/console/enquiries',
		'/console/projects',
		'/console/projects/rates',
		'/console/projects/map',
		'/console/chains?chain=rail_wheelset&link=rw_axle',
		'/console/proposals',
		'/console/demand'
	];
	for (const lang of ['zh-CN', 'en'] as const) for (const url of pages) await expectReadablePage(page, url, lang, RAW);
	await page.setViewportSize({ width: 360, height: 740 });
	for (const url of ['/console/enquiries', '/console/projects', '/console/chains?chain=rail_wheelset&link=rw_axle']) {
		await page.goto(url);
		await page.waitForLoadState('networkidle');
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, url).toBeLessThanOrEqual(1);
	}
});
