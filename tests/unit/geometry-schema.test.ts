import { describe, expect, it } from 'vitest';
import { checkPolygonal, MAX_BOUNDARY_VERTICES } from '../../src/lib/geo/geometry-schema';
import { boundaryEditSchema } from '../../src/lib/domain/edit-schemas';

const square = [
	[118.5, 37.4],
	[118.501, 37.4],
	[118.501, 37.401],
	[118.5, 37.401],
	[118.5, 37.4]
];
const hole = [
	[118.5002, 37.4002],
	[118.5004, 37.4002],
	[118.5004, 37.4004],
	[118.5002, 37.4002]
];
const issue = (g: unknown) => {
	const r = checkPolygonal(g);
	return 'issue' in r ? r.issue.key : null;
};

describe('the boundary geometry check', () => {
	it('takes Polygons with holes and MultiPolygons, dropping extra members and third coordinates', () => {
		expect(issue({ type: 'Polygon', coordinates: [square, hole] })).toBeNull();
		expect(issue({ type: 'MultiPolygon', coordinates: [[square], [hole]] })).toBeNull();
		const r = checkPolygonal({ type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y, 12])], bbox: [0, 0, 1, 1], crs: {} });
		expect(r).toEqual({ geometry: { type: 'Polygon', coordinates: [square] } });
	});

	it('refuses unclosed rings and rings of one or two points', () => {
		expect(issue({ type: 'Polygon', coordinates: [square.slice(0, 4)] })).toBe('geometry.ring_not_closed');
		expect(issue({ type: 'Polygon', coordinates: [[square[0]]] })).toBe('geometry.ring_too_short');
		expect(issue({ type: 'Polygon', coordinates: [[square[0], square[1]]] })).toBe('geometry.ring_too_short');
		expect(issue({ type: 'Polygon', coordinates: [] })).toBe('geometry.bad_nesting');
	});

	it('refuses the wrong nesting depth either way', () => {
		expect(issue({ type: 'Polygon', coordinates: [[square]] })).toBe('geometry.bad_nesting');
		expect(issue({ type: 'MultiPolygon', coordinates: [square] })).toBe('geometry.bad_nesting');
		expect(issue({ type: 'Polygon', coordinates: square })).toBe('geometry.bad_nesting');
	});

	it('survives 5,000 levels of nested arrays without recursing into them', () => {
		let deep: unknown = [118.5, 37.4];
		for (let i = 0; i < 5000; i++) deep = [deep];
		expect(issue({ type: 'Polygon', coordinates: deep })).toBe('geometry.bad_nesting');
		expect(boundaryEditSchema.safeParse({ version: 1, geometry: { type: 'MultiPolygon', coordinates: deep } }).success).toBe(false);
	});

	it('reads coordinates as numbers, not text: 1e+5, null, strings and infinities are refused', () => {
		const withValue = (v: unknown) => ({ type: 'Polygon', coordinates: [[[v, 37.4], ...square.slice(1, 4), [v, 37.4]]] });
		expect(issue(withValue(1e5))).toBe('geometry.out_of_range');
		expect(issue(withValue(null))).toBe('geometry.bad_coordinate');
		expect(issue(withValue('118.5'))).toBe('geometry.bad_coordinate');
		expect(issue(withValue(Infinity))).toBe('geometry.bad_coordinate');
		expect(issue({ type: 'Polygon', coordinates: [square.map(([x, y]) => [y, x * 1000])] })).toBe('geometry.out_of_range');
	});

	it('caps the vertices and names other types', () => {
		const ring = Array.from({ length: MAX_BOUNDARY_VERTICES + 1 }, (_, i) => [118.5 + Math.cos(i) / 1000, 37.4 + Math.sin(i) / 1000]);
		ring.push(ring[0]);
		expect(issue({ type: 'Polygon', coordinates: [ring] })).toBe('geometry.too_many_vertices');
		expect(issue({ type: 'LineString', coordinates: square })).toBe('geometry.not_polygon');
		expect(issue(null)).toBe('geometry.not_polygon');
		expect(issue({ type: 'MultiPolygon', coordinates: [] })).toBe('geometry.empty');
	});
});
