/**
 * A small location sketch as SVG paths: features projected into a local metric frame
 * around a focus, fitted to a viewBox. Used for the inset map of site pages, which
 * must render on the server and print on paper without WebGL. Polygons keep their holes and
 * parts (draw them with fill-rule="evenodd"); points closer than half a unit merge.
 */
import type { Geometry, Position } from 'geojson';
import { localFrame } from './local-frame';

export interface SketchFeature {
	role: 'focus' | 'plot' | 'building' | 'road' | 'park' | 'route' | 'stop';
	geometry: Geometry;
	/** Free data the page may use, e.g. a status for the fill colour. */
	tag?: string;
}

export interface Sketch {
	viewBox: string;
	paths: { role: SketchFeature['role']; d: string; tag?: string }[];
	/** Point features, projected: x and y in view units. */
	points: { role: SketchFeature['role']; x: number; y: number; tag?: string }[];
	/** Length of the scale bar in metres and in view units. */
	scale: { metres: number; units: number };
}

/** Projects features around `center` to an SVG of `size` units, showing `halfWidthM` metres either side. */
/** Points closer than this, in view units, merge. */
const MIN_STEP = 0.5;

export function sketch(features: SketchFeature[], center: Position, halfWidthM: number, size = 400): Sketch {
	const frame = localFrame(center);
	const k = size / (2 * halfWidthM);
	const xy = (p: Position) => {
		const [x, y] = frame.toLocal(p);
		return [Math.round((size / 2 + x * k) * 10) / 10, Math.round((size / 2 - y * k) * 10) / 10];
	};
	/**
	 * A ring or line as a path. A point closer than half a unit to the last one kept is left
	 * out (the last point of a line always stays), so a path has at most about two points per
	 * unit of its length however finely the shape was surveyed.
	 */
	const ring = (r: Position[], close: boolean) => {
		const kept: number[][] = [];
		r.forEach((p, i) => {
			const q = xy(p);
			const last = kept[kept.length - 1];
			const isEnd = i === r.length - 1 && !close;
			if (last && Math.hypot(q[0] - last[0], q[1] - last[1]) < MIN_STEP && !isEnd) return;
			if (last && isEnd && q[0] === last[0] && q[1] === last[1]) return;
			kept.push(q);
		});
		if (kept.length < (close ? 3 : 2)) return '';
		return `M${kept.map((q) => q.join(',')).join('L')}${close ? 'Z' : ''}`;
	};
	const paths: Sketch['paths'] = [];
	const points: Sketch['points'] = [];
	for (const f of features) {
		const g = f.geometry;
		if (!g) continue;
		if (g.type === 'Point') {
			const [x, y] = xy(g.coordinates);
			points.push({ role: f.role, x, y, tag: f.tag });
			continue;
		}
		let d = '';
		if (g.type === 'Polygon') d = g.coordinates.map((r) => ring(r, true)).join('');
		else if (g.type === 'MultiPolygon') d = g.coordinates.flatMap((p) => p.map((r) => ring(r, true))).join('');
		else if (g.type === 'LineString') d = ring(g.coordinates, false);
		else if (g.type === 'MultiLineString') d = g.coordinates.map((l) => ring(l, false)).join('');
		if (d) paths.push({ role: f.role, d, tag: f.tag });
	}
	const metres = niceLength(halfWidthM / 2);
	return { viewBox: `0 0 ${size} ${size}`, paths, points, scale: { metres, units: metres * k } };
}

/** 1, 2 or 5 times a power of ten, at most `m`. */
export function niceLength(m: number): number {
	const p = 10 ** Math.floor(Math.log10(m));
	for (const f of [5, 2, 1]) if (f * p <= m) return f * p;
	return p;
}
