/**
 * The land and building ledgers as staff use them (issue 12): open the disposal board, confirm a
 * suspected case, give it a method and a deadline, complete it — the park's progress bar and the
 * map move; the Excel export holds the board's cases; the building economy sorts by vacancy and
 * opens a building's trend; both print views carry their charts as SVG (no canvas). Every ledger
 * page passes axe in both languages without raw keys, and fits a 360 px phone.
 */
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { expectReadablePage, signIn } from './helpers';

const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString().slice(0, 10);

type MapEl = HTMLElement & {
	maplibreMap: {
		jumpTo(o: unknown): void;
		once(e: string, f: () => void): void;
		project(p: number[]): { x: number; y: number };
		queryRenderedFeatures(p: [number, number], o: unknown): { properties: Record<string, unknown> }[];
	};
};

/** Centres the ledger map on a point at zoom 16 and reads what it draws there: the feature's stage and the pixel. */
async function drawnAt(page: Page, lonLat: number[]) {
	await page.locator('[data-testid="ledger-map"][data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });
	await page.waitForFunction(() => (document.querySelector('[data-testid="ledger-map"]') as MapEl).maplibreMap !== undefined);
	await page.evaluate(
		(p) =>
			new Promise<void>((done) => {
				const m = (document.querySelector('[data-testid="ledger-map"]') as MapEl).maplibreMap;
				m.once('idle', () => done());
				m.jumpTo({ center: p, zoom: 16 });
			}),
		lonLat
	);
	return page.evaluate((p) => {
		const el = document.querySelector('[data-testid="ledger-map"]') as MapEl;
		const m = el.maplibreMap;
		const q = m.project(p);
		const stage = m.queryRenderedFeatures([q.x, q.y], { layers: ['ledger-fill'] })[0]?.properties.stage ?? null;
		const canvas = el.querySelector('canvas') as HTMLCanvasElement;
		const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
		const ratio = canvas.width / canvas.clientWidth;
		const px = new Uint8Array(4);
		gl.readPixels(Math.round(q.x * ratio), Math.round(canvas.height - q.y * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
		return { stage, rgb: [px[0], px[1], px[2]] };
	}, lonLat);
}

test('staff confirm, dispose of and complete a case; the park’s progress and the map move; the export holds the cases', async ({ page }) => {
	// Many pages, each checked with axe: minutes on a busy 2-core machine, not one.
	test.setTimeout(300_000);
	await signIn(page, 'staff@demo.siteatlas', 'demo-staff-2026');
	const suspected = await (await page.request.get('/api/console/land?stage=suspected&kind=idle')).json();
	const c = suspected.cases[0];
	const map: FeatureCollection = await (await page.request.get('/api/console/land/map')).json();
	const feature = map.features.find((f) => f.properties?.id === c.id) as Feature;
	const at = pointOnFeature(feature).geometry.coordinates;

	await page.goto('/console/land');
	const row = page.locator(`tr[data-park="${c.parkCode}"]`);
	const bar = row.getByRole('progressbar');
	const before = Number(await bar.getAttribute('aria-valuenow'));
	const disposedBefore = await row.locator('td').nth(1).innerText();
	const drawnBefore = await drawnAt(page, at);
	expect(drawnBefore.stage).toBe('suspected');
	// Amber (#d97706 at 55% over the basemap): red over blue.
	expect(drawnBefore.rgb[0]).toBeGreaterThan(drawnBefore.rgb[2] + 40);

	// The case in the board's list, filtered as the API was asked.
	await page.getByLabel('阶段').selectOption('suspected');
	await page.getByLabel('类型').selectOption('idle');
	await page.getByRole('button', { name: '查看' }).click();
	await expect(page).toHaveURL(/stage=suspected/);
	await page.locator(`tr[data-case="${c.id}"] a`).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(c.plotCode);
	await page.getByLabel('理由').fill('经现场核查，超过约定动工日期满一年未动工。');
	await page.getByRole('button', { name: '认定', exact: true }).click();
	await expect(page.getByRole('status')).toHaveText('已认定，地块已标注。');

	await page.getByLabel('处置方式').selectOption('recovery');
	await page.getByLabel('责任人').fill('王强');
	await page.getByLabel('完成时限').fill(inDays(20));
	await page.getByRole('button', { name: '添加步骤' }).click();
	await page.getByLabel('第 1 步', { exact: true }).fill('下达收回决定书');
	await page.getByRole('button', { name: '保存处置方案' }).click();
	await expect(page.getByRole('status')).toHaveText('处置方案已保存。');

	await page.getByLabel('完成日期').fill(today);
	await page.getByLabel('处置结果').fill('土地已收回，纳入储备。');
	await page.getByRole('button', { name: '确认处置完成' }).click();
	await expect(page.getByRole('status')).toHaveText('已处置完成，面积计入当年目标。');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('已处置');

	await page.goto('/console/land');
	await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(before);
	expect(await row.locator('td').nth(1).innerText()).not.toBe(disposedBefore);
	const drawnAfter = await drawnAt(page, at);
	expect(drawnAfter.stage).toBe('disposed');
	// Green (#15803d): green over red.
	expect(drawnAfter.rgb[1]).toBeGreaterThan(drawnAfter.rgb[0] + 20);

	// The weekly dispatch export: every case the board lists, one row each, overdue ones marked.
	const board = await (await page.request.get('/api/console/land?stage=open')).json();
	const res = await page.request.get('/api/console/land/export?stage=open');
	expect(res.headers()['content-type']).toContain('spreadsheetml');
	const wb = new ExcelJS.Workbook();
	// exceljs types its input as a Buffer of ArrayBuffer; Playwright's body is the same bytes.
	await wb.xlsx.load((await res.body()) as never);
	const sheet = wb.getWorksheet('处置台账')!;
	expect(sheet.rowCount - 1).toBe(board.total);
	const overdue = board.cases.filter((x: { overdue: boolean }) => x.overdue).length;
	const marked = sheet.getColumn(11).values.filter((v) => v === '已逾期').length;
	expect(marked).toBeGreaterThanOrEqual(overdue);
});

test('the building economy sorts by vacancy and opens a building’s trend; both prints carry SVG charts', async ({ page }) => {
	await signIn(page, 'staff@demo.siteatlas', 'demo-staff-2026');
	await page.goto('/console/economy');
	const economy = await (await page.request.get('/api/console/economy')).json();
	await expect(page.getByTestId('eco-buildings')).toHaveText(String(economy.zone.buildings));
	expect(economy.zone.buildings).toBeGreaterThanOrEqual(58);
	await page.locator('a[data-sort="vacant"]').click();
	await expect(page).toHaveURL(/sort=vacant&dir=desc/);
	const vacant = await page.locator('tbody tr td:nth-child(5)').allInnerTexts();
	const values = vacant.map((v) => Number(v.replace(/,/g, '')));
	expect(values.length).toBeGreaterThan(10);
	expect(values).toEqual([...values].sort((a, b) => b - a));

	await page.locator('tbody tr th a').first().click();
	await expect(page).toHaveURL(/\/console\/economy\/B-/);
	await expect(page.locator('[role="img"][data-ready="true"] svg')).toBeVisible();
	expect(await page.locator('tbody tr[data-month]').count()).toBeGreaterThan(12);

	for (const path of ['/console/land/print', '/console/economy/print']) {
		await page.goto(path);
		await page.emulateMedia({ media: 'print' });
		await expect(page.getByTestId('print-chart').locator('svg')).toBeVisible();
		expect(await page.locator('canvas').count(), path).toBe(0);
		expect(await page.getByTestId('print-chart').locator('svg text').count(), path).toBeGreaterThan(5);
		await page.emulateMedia({ media: 'screen' });
	}
});

test('every ledger page passes axe, reads in both languages without raw keys and fits a 360 px phone', async ({ page }) => {
	// Many pages, each checked with axe: minutes on a busy 2-core machine, not one.
	test.setTimeout(300_000);
	await signIn(page, 'admin@demo.siteatlas', 'demo-admin-2026');
	const first = (await (await page.request.get('/api/console/land?stage=open')).json()).cases[0];
	const pages = [
		'/console/land',
		`/console/land/cases/${first.id}`,
		'/console/land/thresholds',
		'/console/land/print',
		'/console/economy',
		'/console/economy/B-SE-035',
		'/console/economy/print'
	];
	for (const lang of ['zh-CN', 'en'] as const) {
		for (const path of pages) await expectReadablePage(page, path, lang, /\b(land|economy|land_stage|land_kind|disposal_method|console)\.[a-z_]{3,}/);
	}
	await page.setViewportSize({ width: 360, height: 740 });
	for (const path of ['/console/land', '/console/economy', `/console/land/cases/${first.id}`]) {
		await page.goto(`${path}?lang=zh-CN`);
		await page.waitForLoadState('networkidle');
		expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
	}
});
