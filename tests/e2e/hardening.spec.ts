/**
 * What the review found that only a browser shows: the Content-Security-Policy lets the map,
 * the heat map and the boundary editor run (no violation reported), and the boundary editor
 * saves every part and hole of a plot.
 */
import { expect, test, type Page } from '@playwright/test';
import { generateSampleZone } from '../../src/lib/server/sample/generate';
import { signIn, waitForMap } from './helpers';

const zone = generateSampleZone();
// Plots none of the other specs change.
const nmPlots = zone.plots.filter((p) => p.park === 'NM' && p.published && p.supplyStatus === 'available' && !p.isIdle && !p.isLowEfficiency);
const MULTI_PLOT = nmPlots[9].code;

/** Every CSP violation the page reports, and every page error. */
function watch(page: Page) {
	const problems: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	return problems;
}

test('the map and the heat map run under the Content-Security-Policy, with no violation', async ({ page }) => {
	const problems = watch(page);
	const res = await page.goto('/');
	const csp = res!.headers()['content-security-policy'];
	expect(csp).toContain("script-src 'self' 'nonce-");
	expect(csp).toContain("frame-ancestors 'none'");
	expect(res!.headers()['x-frame-options']).toBe('DENY');
	await waitForMap(page);
	await page.getByLabel('招商热力图').check();
	await expect(page.getByTestId('heat-legend')).toBeVisible({ timeout: 30_000 });
	await page.waitForTimeout(1000);
	expect(problems).toEqual([]);
});

test('the boundary editor keeps every part and hole of a plot when it saves', async ({ page }) => {
	await signIn(page, 'staff@demo.siteatlas', 'demo-staff-2026');
	const problems = watch(page);
	// Make the plot two parts, the first with a hole, inside its own outline.
	const before = await (await page.request.get(`/api/console/plots/${MULTI_PLOT}`)).json();
	const ring = (before.boundary.coordinates[0][0] as number[][]).slice(0, -1);
	const xs = ring.map((p) => p[0]);
	const ys = ring.map((p) => p[1]);
	const [w, s, e, n] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
	const box = (x0: number, y0: number, x1: number, y1: number) => [
		[x0, y0],
		[x1, y0],
		[x1, y1],
		[x0, y1],
		[x0, y0]
	];
	const at = (fx: number, fy: number) => [w + (e - w) * fx, s + (n - s) * fy];
	const multi = {
		type: 'MultiPolygon',
		coordinates: [
			[
				box(...(at(0.1, 0.1) as [number, number]), ...(at(0.45, 0.9) as [number, number])),
				box(...(at(0.2, 0.4) as [number, number]), ...(at(0.3, 0.6) as [number, number]))
			],
			[box(...(at(0.55, 0.1) as [number, number]), ...(at(0.9, 0.9) as [number, number]))]
		]
	};
	const put = await page.request.put(`/api/console/plots/${MULTI_PLOT}/boundary`, { data: { version: before.version, geometry: multi } });
	expect(put.status(), await put.text()).toBe(200);
	// The editor loads all three rings and saves them back unchanged.
	await page.goto(`/console/plots/${MULTI_PLOT}`);
	await page.locator('[data-testid="boundary-map"][data-ready="true"]').waitFor({ timeout: 60_000 });
	await page.getByRole('button', { name: '保存边界' }).click();
	await expect(page.getByTestId('console-message')).toContainText('已保存');
	const after = await (await page.request.get(`/api/console/plots/${MULTI_PLOT}`)).json();
	expect(after.version).toBeGreaterThan(before.version + 1);
	expect(after.boundary.type).toBe('MultiPolygon');
	expect(after.boundary.coordinates).toHaveLength(2);
	expect(after.boundary.coordinates.map((p: unknown[]) => p.length).sort()).toEqual([1, 2]);
	expect(problems).toEqual([]);
});
