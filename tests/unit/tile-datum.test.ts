import { describe, expect, it } from 'vitest';
import gcoord from 'gcoord';
import { fitAffine, gcjTileShift } from '../../src/lib/server/tiles/datum';

const R = 6378137;
const merc = ([lon, lat]: number[]) => [(R * lon * Math.PI) / 180, R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))];
const tileOf = (lon: number, lat: number, z: number) => {
	const n = 2 ** z;
	const x = Math.floor(((lon + 180) / 360) * n);
	const r = (lat * Math.PI) / 180;
	const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
	return { x, y };
};

/** Ground metres between the affine map's answer and gcoord's for a WGS 84 point. */
function residualM(lon: number, lat: number, z: number): number {
	const { x, y } = tileOf(lon, lat, z);
	const {
		affine: [a, b, d, e, xo, yo]
	} = gcjTileShift(z, x, y);
	const [px, py] = merc([lon, lat]);
	const got = [a * px + b * py + xo, d * px + e * py + yo];
	const want = merc(gcoord.transform([lon, lat], gcoord.WGS84, gcoord.GCJ02) as number[]);
	return Math.hypot(got[0] - want[0], got[1] - want[1]) * Math.cos((lat * Math.PI) / 180);
}

describe('GCJ-02 tiles', () => {
	it('fits an affine map exactly when the points are affine', () => {
		const p: [number, number][] = [
			[0, 0],
			[10, 0],
			[0, 10],
			[10, 10]
		];
		const q = p.map(([x, y]) => [2 * x + 0.5 * y + 3, -x + y - 4] as [number, number]);
		const f = fitAffine(p, q);
		[2, 0.5, -1, 1, 3, -4].forEach((v, i) => expect(f[i]).toBeCloseTo(v, 9));
	});

	it('moves every point of a z14–z16 tile to within a metre of GCJ-02 (Dongying, Beijing, Harbin)', () => {
		for (const [lon0, lat0] of [
			[118.58, 37.45],
			[116.39, 39.9],
			[126.63, 45.75]
		]) {
			for (const z of [14, 15, 16]) {
				let worst = 0;
				for (let i = 0; i < 25; i++) worst = Math.max(worst, residualM(lon0 + (i % 5) * 0.004, lat0 + Math.floor(i / 5) * 0.003, z));
				expect(worst, `z${z} at ${lon0},${lat0}`).toBeLessThan(z === 14 ? 1 : 0.5);
			}
		}
	});

	it('selects the source rows around the tile moved back by the offset (~500 m in Dongying)', () => {
		const { x, y } = tileOf(118.58, 37.45, 14);
		const { bbox } = gcjTileShift(14, x, y);
		const inside = gcoord.transform([118.58, 37.45], gcoord.GCJ02, gcoord.WGS84) as number[];
		expect(inside[0]).toBeGreaterThan(bbox[0]);
		expect(inside[0]).toBeLessThan(bbox[2]);
		expect(inside[1]).toBeGreaterThan(bbox[1]);
		expect(inside[1]).toBeLessThan(bbox[3]);
	});

	it('leaves tiles outside China as they are', () => {
		const { x, y } = tileOf(2.35, 48.85, 14);
		const [a, b, d, e, xo, yo] = gcjTileShift(14, x, y).affine;
		expect([a, b, d, e]).toEqual([expect.closeTo(1, 9), expect.closeTo(0, 9), expect.closeTo(0, 9), expect.closeTo(1, 9)]);
		expect(Math.abs(xo) + Math.abs(yo)).toBeLessThan(1e-3);
	});
});
