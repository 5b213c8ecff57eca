import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { generateSampleZone } from '../../src/lib/server/sample/generate';
import { SUPPLY_STATUS_COLORS } from '../../src/lib/domain/status';
import { SUPPLY_STATUSES, type SupplyStatus } from '../../src/lib/domain/vocab';

/** The largest published available plot of the sample zone (statuses do not depend on the seed date). */
export function knownAvailablePlot(): string {
	const zone = generateSampleZone();
	const withBuildings = new Set(zone.buildings.map((b) => b.plot));
	const plots = zone.plots.filter((p) => p.published && p.supplyStatus === 'available' && !withBuildings.has(p.code));
	return plots[0].code;
}

/**
 * A URL test on path and query only, for page.waitForURL: pages with a map add their view to the
 * address's hash (#zoom/lat/lon) as soon as the map moves, which a slow machine lets happen first.
 */
export const atPath = (path: RegExp) => (url: URL) => path.test(url.pathname + url.search);

export async function waitForMap(page: Page) {
	await page.locator('[data-testid="map"][data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });
	// Let MapLibre finish drawing every tile of the view.
	await page.waitForFunction(() => document.querySelector('.maplibregl-canvas') !== null);
	await page.waitForTimeout(500);
}

/** Reads back one pixel of the WebGL map canvas (CSS pixels from its top-left). */
export async function mapPixel(page: Page, cssX: number, cssY: number): Promise<[number, number, number]> {
	return page.evaluate(
		([x, y]) => {
			const canvas = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
			const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
			const ratio = canvas.width / canvas.clientWidth;
			const px = new Uint8Array(4);
			gl.readPixels(Math.round(x * ratio), Math.round(canvas.height - y * ratio), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
			return [px[0], px[1], px[2]] as [number, number, number];
		},
		[cssX, cssY]
	);
}

function hexToRgb(hex: string): [number, number, number] {
	const n = parseInt(hex.slice(1), 16);
	return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function distance(a: number[], b: number[]): number {
	return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** The supply status whose legend colour is nearest to a pixel, and how near. */
export function nearestStatus(rgb: [number, number, number]): { status: SupplyStatus; distance: number } {
	let best = { status: SUPPLY_STATUSES[0] as SupplyStatus, distance: Infinity };
	for (const s of SUPPLY_STATUSES) {
		const d = distance(rgb, hexToRgb(SUPPLY_STATUS_COLORS[s]));
		if (d < best.distance) best = { status: s, distance: d };
	}
	return best;
}

/** Signs in through the form and lands on the console. */
export async function signIn(page: Page, email: string, password: string) {
	await page.goto('/signin');
	// Fill after hydration: a value typed before it can be replaced by the hydrated form.
	await page.waitForLoadState('networkidle');
	await page.getByLabel('电子邮箱').fill(email);
	await page.getByLabel('密码').fill(password);
	await page.getByRole('button', { name: '登录' }).click();
	await page.waitForURL(atPath(/\/console$/));
}

/**
 * Opens a console page in a language and checks it as a reader would: no serious or critical
 * axe violation (the map canvas left out), no raw message key of the given namespaces in its
 * text, and the page's language declared.
 */
export async function expectReadablePage(page: Page, url: string, lang: 'zh-CN' | 'en', rawKeys: RegExp, text = 'main') {
	await page.goto(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
	await page.waitForLoadState('networkidle');
	const axe = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
	expect(
		axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
		`${url} (${lang})`
	).toEqual([]);
	expect(await page.locator(text).first().innerText(), `${url} (${lang}) shows a raw message key`).not.toMatch(rawKeys);
	expect(await page.locator('html').getAttribute('lang')).toBe(lang);
}
