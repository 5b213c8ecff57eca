/**
 * Tiles for a GCJ-02 basemap (AMap, Tencent). GCJ-02 is WGS 84 moved by a smooth offset of a
 * few hundred metres that changes by a few metres per kilometre; across one tile it is an
 * affine map to well under a pixel (fitted here by least squares on a 3×3 grid; worst residual
 * measured around Dongying: z16 0.23 m, z14 0.65 m, z12 4.5 m against 19 m pixels, z10 27 m
 * against 76 m pixels). So a
 * GCJ-02 tile is the same SQL with one ST_Affine in Web Mercator before clipping, and the
 * source rows are selected by the tile's box moved back to WGS 84.
 */
import gcoord from 'gcoord';
import { TILE_BUFFER, TILE_EXTENT } from './layers';
import { fromMercator, tileMercatorBox, toMercator } from '../../geo/tiles';

export interface TileShift {
	/** ST_Affine's a, b, d, e, xoff, yoff: WGS 84 Web Mercator → GCJ-02 Web Mercator. */
	affine: [number, number, number, number, number, number];
	/** The source rows' box in EPSG:4326: the buffered tile moved back to WGS 84. */
	bbox: [number, number, number, number];
}

/** Least-squares affine fit of q ≈ A p + t over point pairs (centred for precision). */
export function fitAffine(p: [number, number][], q: [number, number][]): TileShift['affine'] {
	const n = p.length;
	const pc = [p.reduce((s, v) => s + v[0], 0) / n, p.reduce((s, v) => s + v[1], 0) / n];
	const qc = [q.reduce((s, v) => s + v[0], 0) / n, q.reduce((s, v) => s + v[1], 0) / n];
	let sxx = 0,
		sxy = 0,
		syy = 0,
		bx0 = 0,
		bx1 = 0,
		by0 = 0,
		by1 = 0;
	for (let i = 0; i < n; i++) {
		const dx = p[i][0] - pc[0];
		const dy = p[i][1] - pc[1];
		const ex = q[i][0] - qc[0];
		const ey = q[i][1] - qc[1];
		sxx += dx * dx;
		sxy += dx * dy;
		syy += dy * dy;
		bx0 += dx * ex;
		bx1 += dy * ex;
		by0 += dx * ey;
		by1 += dy * ey;
	}
	const det = sxx * syy - sxy * sxy;
	const a = (bx0 * syy - bx1 * sxy) / det;
	const b = (bx1 * sxx - bx0 * sxy) / det;
	const d = (by0 * syy - by1 * sxy) / det;
	const e = (by1 * sxx - by0 * sxy) / det;
	return [a, b, d, e, qc[0] - a * pc[0] - b * pc[1], qc[1] - d * pc[0] - e * pc[1]];
}

/** The affine map and source box of a GCJ-02 tile. */
export function gcjTileShift(z: number, x: number, y: number): TileShift {
	const [x0, y0, x1, y1] = tileMercatorBox(z, x, y, TILE_BUFFER / TILE_EXTENT);
	const p: [number, number][] = [];
	const q: [number, number][] = [];
	let w = Infinity,
		s = Infinity,
		e = -Infinity,
		nn = -Infinity;
	const steps = 4;
	for (let i = 0; i <= steps; i++) {
		for (let j = 0; j <= steps; j++) {
			// A point of the displayed (GCJ-02) tile, moved back to WGS 84…
			const shown = fromMercator([x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * j) / steps]);
			const wgs = gcoord.transform(shown as [number, number], gcoord.GCJ02, gcoord.WGS84) as [number, number];
			w = Math.min(w, wgs[0]);
			e = Math.max(e, wgs[0]);
			s = Math.min(s, wgs[1]);
			nn = Math.max(nn, wgs[1]);
			if (i % 2 === 0 && j % 2 === 0) {
				// …and, on the 3×3 grid, forward again exactly: the pairs the affine map is fitted to.
				p.push(toMercator(wgs));
				q.push(toMercator(gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02) as [number, number]));
			}
		}
	}
	const pad = Math.max(e - w, nn - s) * 0.01 + 1e-5;
	return { affine: fitAffine(p, q), bbox: [w - pad, Math.max(-85.05, s - pad), e + pad, Math.min(85.05, nn + pad)] };
}
