import { describe, expect, it } from 'vitest';
import { assemble, ringsOf } from '../../src/lib/map/boundary-rings';

const sq = (x: number, y: number, d: number) => [
	[x, y],
	[x + d, y],
	[x + d, y + d],
	[x, y + d],
	[x, y]
];

describe('boundary rings for the editor', () => {
	it('take a MultiPolygon with a hole apart and put it together again unchanged', () => {
		const g = { type: 'MultiPolygon' as const, coordinates: [[sq(0, 0, 10), sq(2, 2, 2)], [sq(20, 0, 5)]] };
		const rings = ringsOf(g);
		expect(rings.map((r) => r.role)).toEqual(['outer', 'hole', 'outer']);
		expect(assemble(rings)).toEqual({ geometry: g });
	});

	it('give a Polygon for one part, put a new hole into the part around it, refuse stray holes', () => {
		expect(assemble([{ role: 'outer', coordinates: sq(0, 0, 10) }])).toEqual({ geometry: { type: 'Polygon', coordinates: [sq(0, 0, 10)] } });
		const two = assemble([
			{ role: 'outer', coordinates: sq(0, 0, 10) },
			{ role: 'outer', coordinates: sq(20, 0, 10) },
			{ role: 'hole', coordinates: sq(22, 2, 1) }
		]);
		expect(two).toEqual({ geometry: { type: 'MultiPolygon', coordinates: [[sq(0, 0, 10)], [sq(20, 0, 10), sq(22, 2, 1)]] } });
		expect(
			assemble([
				{ role: 'outer', coordinates: sq(0, 0, 10) },
				{ role: 'hole', coordinates: sq(50, 50, 1) }
			])
		).toEqual({ error: 'hole_outside' });
		expect(assemble([])).toEqual({ error: 'no_part' });
	});
});
