/** The basemap of the site settings: Tianditu's style, GCJ-02 overlays, the page's extra origins, the settings schema. */
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { overlayOnStyle, tiandituStyle, TILE_SOURCE } from '$lib/map/style';
import { basemapOrigins, displayDatumOf, siteSettingsSchema, tiandituTileUrls } from '$lib/domain/settings';
import { fromDisplayPoint, setDisplayDatum, toDisplay, toDisplayPoint } from '$lib/map/datum';

const KEY = '0123456789abcdef0123456789abcdef';

describe('basemap settings', () => {
	it('builds a valid Tianditu style: base and labels in Web Mercator, on eight hosts, with the key, SiteAtlas on top', () => {
		const style = tiandituStyle('http://localhost:3000', KEY, 'image', '© 天地图');
		expect(validateStyleMin(style)).toEqual([]);
		const base = style.sources['tianditu-base'] as { tiles: string[]; attribution: string };
		expect(base.tiles).toHaveLength(8);
		expect(base.tiles[3]).toBe(
			`https://t3.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=img&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${KEY}`
		);
		expect((style.sources['tianditu-labels'] as { tiles: string[] }).tiles[0]).toContain('/cia_w/');
		expect(tiandituTileUrls('vec', KEY)[0]).toContain('LAYER=vec');
		const ids = style.layers.map((l) => l.id);
		expect(ids.indexOf('tianditu-labels')).toBeLessThan(ids.indexOf('plots-fill'));
	});

	it('asks for GCJ-02 tiles only over a GCJ-02 style', () => {
		const base = { version: 8 as const, sources: {}, layers: [] };
		expect((overlayOnStyle(base, 'http://x', 'gcj02').sources[TILE_SOURCE] as { tiles: string[] }).tiles[0]).toBe(
			'http://x/tiles/all/{z}/{x}/{y}.mvt?datum=gcj02'
		);
		expect((overlayOnStyle(base, 'http://x').sources[TILE_SOURCE] as { tiles: string[] }).tiles[0]).toBe('http://x/tiles/all/{z}/{x}/{y}.mvt');
		const s = siteSettingsSchema.parse({ basemap: { kind: 'tianditu', tiandituKey: KEY, datum: 'gcj02' } });
		expect(displayDatumOf(s.basemap)).toBe('wgs84');
		expect(displayDatumOf(siteSettingsSchema.parse({ basemap: { kind: 'style', styleUrl: 'https://m.example/s.json', datum: 'gcj02' } }).basemap)).toBe(
			'gcj02'
		);
	});

	it('lets the page load from the basemap’s origins only', () => {
		expect(basemapOrigins(siteSettingsSchema.parse({ basemap: { kind: 'tianditu', tiandituKey: KEY } }).basemap)).toEqual(['https://*.tianditu.gov.cn']);
		expect(basemapOrigins(siteSettingsSchema.parse({ basemap: { kind: 'style', styleUrl: 'https://maps.example:8443/a/style.json' } }).basemap)).toEqual([
			'https://maps.example:8443'
		]);
		expect(basemapOrigins(siteSettingsSchema.parse({}).basemap)).toEqual([]);
	});

	it('refuses settings it cannot use: a script URL, a missing key, a short hide limit', () => {
		const issues = (v: unknown) => (siteSettingsSchema.safeParse(v).error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);
		expect(issues({ basemap: { kind: 'style', styleUrl: 'javascript:alert(1)' } })).toEqual(['basemap.styleUrl:settings.bad_url']);
		expect(issues({ basemap: { kind: 'tianditu' } })).toEqual(['basemap.tiandituKey:form.required']);
		expect(issues({ basemap: { kind: 'tianditu', tiandituKey: 'not hex!' } })).toEqual(['basemap.tiandituKey:settings.bad_tianditu_key']);
		expect(issues({ staleAfterDays: 90, hideAfterDays: 30 })).toEqual(['hideAfterDays:settings.hide_before_stale']);
		expect(issues({ portalNameZh: 'a\u0000b' })).toEqual(['portalNameZh:form.control_chars']);
	});

	it('moves what the map shows into GCJ-02 and clicks back, leaving its input alone', () => {
		setDisplayDatum('gcj02');
		try {
			const p: [number, number] = [118.54, 37.43];
			const shown = toDisplayPoint(p);
			expect(shown[0] - p[0]).toBeGreaterThan(0.004);
			const back = fromDisplayPoint(shown);
			expect(Math.abs(back[0] - p[0]) + Math.abs(back[1] - p[1])).toBeLessThan(1e-6);
			const g = { type: 'Point' as const, coordinates: p };
			expect(toDisplay(g).coordinates).toEqual(shown);
			expect(g.coordinates).toEqual([118.54, 37.43]);
		} finally {
			setDisplayDatum('wgs84');
		}
		expect(toDisplayPoint([118.54, 37.43])).toEqual([118.54, 37.43]);
	});
});
