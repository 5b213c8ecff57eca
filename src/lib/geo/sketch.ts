/**
 * A small location sketch as SVG paths: features projected into a local metric frame
 * around a focus, fitted to a viewBox. Used for the inset map of site pages, which
 * must render on the server and print on paper without WebGL.
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
export function sketch(features: SketchFeature[], center: Position, halfWidthM: number, size = 400): Sketch {
	const frame = localFrame(center);
	const k = size / (2 * halfWidthM);
	const xy = (p: Position) => {
		const [x, y] = frame.toLocal(p);
		return [Math.round((size / 2 + x * k) * 10) / 10, Math.round((size / 2 - y * k) * 10) / 10];
	};
	const pt = (p: Position) => xy(p).join(',');
	const ring = (r: Position[], close: boolean) => `M${r.map(pt).join('L')}${close ? 'Z' : ''}`;
	const paths: Sketch['paths'] = [];
	const points: Sketch['points'] = [];
	for (const f of features) {
		const g = f.geometry;
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
