import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Another site's bare MapLibre page (its own origin, MapLibre from npm, nothing of SiteAtlas's
 * code) loads SiteAtlas's published style and draws the plots from its tiles.
 */
test('a bare MapLibre page on another origin loads the style and draws the plots', async ({ page, baseURL }) => {
	// Another site: its own small server on another loopback address, so another origin.
	const file = (name: string) => readFileSync(`node_modules/maplibre-gl/dist/${name}`);
	const html = `<!doctype html><html><head><link rel="stylesheet" href="/maplibre-gl.css"></head>
<body style="margin:0"><div id="map" style="width:800px;height:600px"></div>
<script type="module">
import * as maplibregl from '/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
const map = new maplibregl.Map({ container: 'map', style: '${baseURL}/styles/siteatlas.json', center: [118.585, 37.47], zoom: 14, canvasContextAttributes: { preserveDrawingBuffer: true } });
window.map = map;
map.on('idle', () => { document.body.dataset.idle = 'true'; });
</script></body></html>`;
	const server = createServer((req, res) => {
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		const js = path === '/maplibre-gl.mjs' || path === '/maplibre-gl-worker.mjs';
		res.setHeader('content-type', js ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : 'text/html');
		res.end(js || path === '/maplibre-gl.css' ? file(path.slice(1)) : html);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.2', () => r()));
	const BARE = `http://127.0.0.2:${(server.address() as AddressInfo).port}`;
	test.info().attach('bare page', { body: BARE });
	await page.goto(`${BARE}/`);
	await page.locator('body[data-idle="true"]').waitFor({ state: 'attached', timeout: 60_000 });
	const plots = await page.evaluate(() => {
		const m = (window as unknown as { map: import('maplibre-gl').Map }).map;
		return m.queryRenderedFeatures({ layers: ['plots-fill'] }).map((f) => String(f.properties.code));
	});
	expect(plots.length).toBeGreaterThan(0);
	expect(plots.every((c) => /^[A-Z]{2}-/.test(c))).toBe(true);
	// The TileJSON and the QGIS connection name the same tiles.
	const tj = await (await page.request.get(`${baseURL}/tiles/all.json`)).json();
	expect(tj.tiles[0]).toBe(`${baseURL}/tiles/all/{z}/{x}/{y}.mvt`);
	const qgis = await (await page.request.get(`${baseURL}/styles/siteatlas-qgis.xml`)).text();
	expect(qgis).toContain(`styleUrl="${baseURL}/styles/siteatlas.json"`);
	server.close();
});
