import { describe, expect, it } from 'vitest';
import { sketch } from '../../src/lib/geo/sketch';

const ring = (x: number, y: number, d: number) => [
	[x, y],
	[x + d, y],
	[x + d, y + d],
	[x, y + d],
	[x, y]
];

describe('location sketches', () => {
	it('keep a hole and every part of a MultiPolygon as subpaths (drawn even-odd)', () => {
		const s = sketch(
			[
				{
					role: 'focus',
					geometry: { type: 'MultiPolygon', coordinates: [[ring(118.5, 37.4, 0.002), ring(118.5005, 37.4005, 0.0005)], [ring(118.503, 37.4, 0.001)]] }
				}
			],
			[118.501, 37.401],
			300
		);
		expect(s.paths).toHaveLength(1);
		expect(s.paths[0].d.match(/M/g)).toHaveLength(3);
	});

	it('merge points that land on the same spot, so a finely surveyed outline stays small', () => {
		const fine = Array.from({ length: 20001 }, (_, i) => {
			const a = (i / 20000) * 2 * Math.PI;
			return [118.5 + 0.01 * Math.cos(a), 37.4 + 0.01 * Math.sin(a)];
		});
		const s = sketch([{ role: 'park', geometry: { type: 'Polygon', coordinates: [fine] } }], [118.5, 37.4], 1500);
		expect(s.paths[0].d.length).toBeLessThan(40_000);
	});
});
