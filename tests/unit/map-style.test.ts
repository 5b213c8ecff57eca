import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { offlineStyle, overlayOnStyle, TILE_LAYERS, TILE_SOURCE } from '$lib/map/style';
import { CLICKABLE_LAYERS, dataLayers, GROUP_LAYER_IDS, LAYER_GROUPS, matchLayers } from '$lib/map/layers';
import { labelVisible, selectionFilter } from '$lib/map/labels';
import { tileOf, tilesCovering } from '$lib/geo/tiles';

describe('map style', () => {
	const style = offlineStyle('http://localhost:3000', 'attribution');

	it('is a valid MapLibre style', () => {
		expect(validateStyleMin(style)).toEqual([]);
	});
	it('needs no glyph server or sprite (labels are HTML)', () => {
		expect(style.glyphs).toBeUndefined();
		expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
	});
	it('reads all SiteAtlas layers from one composite tile source', () => {
		expect((style.sources[TILE_SOURCE] as { tiles: string[] }).tiles).toEqual(['http://localhost:3000/tiles/all/{z}/{x}/{y}.mvt']);
		const used = new Set(style.layers.filter((l) => 'source' in l && l.source === TILE_SOURCE).map((l) => (l as { 'source-layer': string })['source-layer']));
		expect([...used].sort()).toEqual([...TILE_LAYERS].sort());
	});
	it('knows every layer that toggles and clicks refer to', () => {
		const ids = new Set([...dataLayers(), ...matchLayers()].map((l) => l.id));
		for (const g of LAYER_GROUPS) for (const id of GROUP_LAYER_IDS[g]) expect(ids.has(id), id).toBe(true);
		for (const c of CLICKABLE_LAYERS) expect(ids.has(c.id), c.id).toBe(true);
	});
	it('adds the same layers over a deployment basemap', () => {
		const base = {
			version: 8 as const,
			sources: { osm: { type: 'raster' as const, tiles: ['x/{z}/{x}/{y}.png'] } },
			layers: [{ id: 'osm', type: 'raster' as const, source: 'osm' }]
		};
		const merged = overlayOnStyle(base, 'http://h');
		expect(validateStyleMin(merged)).toEqual([]);
		expect(merged.layers[0].id).toBe('osm');
		expect(merged.layers.length).toBe(1 + dataLayers().length);
	});
	it('shows park labels from z8 and facility labels from z11', () => {
		expect(labelVisible('parks', 8)).toBe(true);
		expect(labelVisible('facilities', 10.9)).toBe(false);
		expect(labelVisible('facilities', 11)).toBe(true);
		expect(labelVisible('parks', 12, 'park_in_park')).toBe(false);
		expect(labelVisible('parks', 13, 'park_in_park')).toBe(true);
	});
	it('highlights nothing until something is selected', () => {
		expect(selectionFilter(null)).toEqual(['==', ['id'], -1]);
		expect(selectionFilter(42)).toEqual(['==', ['id'], 42]);
	});
});

describe('tile arithmetic', () => {
	it('finds the tile of a point', () => {
		expect(tileOf(0, 0, 1)).toEqual({ z: 1, x: 1, y: 1 });
		expect(tileOf(118.5, 37.4, 10)).toEqual({ z: 10, x: 849, y: 397 });
	});
	it('covers a box with whole tiles', () => {
		expect(tilesCovering([118.4, 37.3, 118.8, 37.6], 10)).toEqual([
			{ z: 10, x: 848, y: 396 },
			{ z: 10, x: 848, y: 397 },
			{ z: 10, x: 849, y: 396 },
			{ z: 10, x: 849, y: 397 }
		]);
	});
});

describe('the heat map palette', () => {
	it('has no colour near a supply-status or occupancy colour, so a heat cell is never read as a status', async () => {
		const { HEAT_COLORS } = await import('../../src/lib/map/heat-scale');
		const { SUPPLY_STATUS_COLORS } = await import('../../src/lib/domain/status');
		const { OCCUPANCY_BANDS } = await import('../../src/lib/domain/occupancy');
		const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
		const others = [...Object.values(SUPPLY_STATUS_COLORS), ...OCCUPANCY_BANDS.map((b) => b.color)].map(rgb);
		for (const h of HEAT_COLORS) {
			const nearest = Math.min(...others.map((o) => Math.hypot(h[0] - o[0], h[1] - o[1], h[2] - o[2])));
			expect(nearest, `rgb(${h.join(',')})`).toBeGreaterThan(60);
		}
	});
});
