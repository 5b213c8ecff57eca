// A screenshot of a page of the running app in Debian's Chromium, for looking at a change:
//   node scripts/screenshot.mjs URL OUT.png [width height [clickX clickY]]
// It waits for the map (data-ready="true") when the page has one.
import { chromium } from '@playwright/test';
const [url, out, w, h] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 1400), Number(process.argv[5] ?? 900)];
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--use-angle=swiftshader',
		'--enable-unsafe-swiftshader'
	]
});
const page = await browser.newPage({ viewport: { width: w, height: h } });
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
const t0 = Date.now();
await page.goto(url);
await page.waitForSelector('[data-ready="true"]', { timeout: 60000, state: 'attached' }).catch((e) => console.log('not ready', e.message));
console.log('ready after', Date.now() - t0, 'ms');
await page.waitForTimeout(1500);
if (process.argv[6]) {
	await page.mouse.click(Number(process.argv[6]), Number(process.argv[7]));
	await page.waitForTimeout(1500);
}
await page.screenshot({ path: out });
await browser.close();
