import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { Feature, MultiPolygon } from 'geojson';
import { encodeTile, toVtFeature } from '$lib/server/tiles/encode';

const fixture = JSON.parse(readFileSync('tests/fixtures/tiles/plot-with-hole.geojson', 'utf8')) as Feature<MultiPolygon>;

/** Surveyor's formula in tile coordinates: the MVT spec wants exterior rings positive. */
function signedArea(ring: { x: number; y: number }[]): number {
	let s = 0;
	for (let i = 0; i < ring.length; i++) {
		const a = ring[i];
		const b = ring[(i + 1) % ring.length];
		s += a.x * b.y - b.x * a.y;
	}
	return s / 2;
}

describe('JS tile encoder', () => {
	const body = encodeTile('plots', [
		{ id: 7, props: fixture.properties as never, geometry: fixture.geometry },
		{ id: 9, props: { code: 'X' }, geometry: { type: 'Point', coordinates: [10, 20] } }
	]);
	const layer = new VectorTile(new PbfReader(body)).layers.plots;

	it('writes one layer with the given name, extent 4096 and every feature', () => {
		expect(layer.name).toBe('plots');
		expect(layer.extent).toBe(4096);
		expect(layer.length).toBe(2);
	});

	it('keeps feature ids and typed properties', () => {
		const f = layer.feature(0);
		expect(f.id).toBe(7);
		expect(f.properties).toEqual({ code: 'NM-A01-01', status: 'available', area_mu: 32.5, idle: false });
	});

	it('keeps the multipolygon with its hole when decoded', () => {
		const geo = layer.feature(0).toGeoJSON(0, 0, 0);
		expect(geo.geometry.type).toBe('MultiPolygon');
		const coords = (geo.geometry as MultiPolygon).coordinates;
		expect(coords.length).toBe(2);
		expect(coords[0].length).toBe(2);
	});

	it('writes rings exactly as given, so SQL orientation decides outer and inner', () => {
		const rings = layer.feature(0).loadGeometry();
		expect(rings.map((r) => Math.sign(signedArea(r)))).toEqual([1, -1, 1]);
		expect(rings[0][0]).toMatchObject({ x: 100, y: 100 });
	});

	it('encodes points as type 1', () => {
		expect(layer.feature(1).type).toBe(1);
		expect(layer.feature(1).loadGeometry()[0][0]).toMatchObject({ x: 10, y: 20 });
	});

	it('returns an empty body for an empty tile', () => {
		expect(encodeTile('plots', []).byteLength).toBe(0);
	});

	it('flattens multipolygon rings in order', () => {
		const vt = toVtFeature({ id: 1, props: {}, geometry: fixture.geometry });
		expect(vt?.type).toBe(3);
		expect((vt?.geometry as unknown[]).length).toBe(3);
	});
});
