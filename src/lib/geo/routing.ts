/**
 * Fastest paths on a road network, in plain TypeScript so both database modes route alike.
 * Roads are line strings with a speed (km/h) and a one-way flag (one-way in drawing order);
 * their end points and the vertices they share with other roads are the graph's nodes. A stop is snapped to
 * the nearest point of the nearest road and joined to that road's ends.
 */
import type { Position } from 'geojson';

export interface RoadInput {
	id: number | string;
	coordinates: Position[];
	speedKmh: number;
	oneway: boolean;
}

interface Edge {
	to: number;
	/** Seconds to drive the edge. */
	timeS: number;
	lengthM: number;
	/** Geometry from this edge's start node to its end node. */
	coords: Position[];
}

export interface RoadGraph {
	nodes: Position[];
	adjacency: Edge[][];
	roads: { coords: Position[]; from: number; to: number; speedKmh: number; oneway: boolean; lengthM: number }[];
}

export class RouteError extends Error {
	constructor(
		readonly code: 'far_from_road' | 'no_path' | 'too_few_stops',
		readonly stopIndex: number,
		message: string,
		/** For far_from_road: how far the stop is from the nearest road, metres. */
		readonly distanceM: number | null = null
	) {
		super(message);
	}
}

const EARTH_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres. */
export function haversineM(a: Position, b: Position): number {
	const dLat = rad(b[1] - a[1]);
	const dLon = rad(b[0] - a[0]);
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function lineLengthM(coords: Position[]): number {
	let m = 0;
	for (let i = 1; i < coords.length; i++) m += haversineM(coords[i - 1], coords[i]);
	return m;
}

const key = (p: Position) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;

export function buildGraph(roads: RoadInput[]): RoadGraph {
	const index = new Map<string, number>();
	const nodes: Position[] = [];
	const adjacency: Edge[][] = [];
	const node = (p: Position) => {
		const k = key(p);
		let i = index.get(k);
		if (i === undefined) {
			i = nodes.length;
			index.set(k, i);
			nodes.push([p[0], p[1]]);
			adjacency.push([]);
		}
		return i;
	};
	// A junction is a vertex that two roads share (as in OpenStreetMap, where a way runs on
	// through its junctions): roads are cut there, so a turn is possible mid-road.
	const uses = new Map<string, number>();
	for (const r of roads) for (const k of new Set(r.coordinates.map(key))) uses.set(k, (uses.get(k) ?? 0) + 1);
	const list: RoadGraph['roads'] = [];
	for (const r of roads) {
		if (r.coordinates.length < 2 || !(r.speedKmh > 0)) continue;
		let start = 0;
		for (let i = 1; i < r.coordinates.length; i++) {
			if (i < r.coordinates.length - 1 && (uses.get(key(r.coordinates[i])) ?? 0) < 2) continue;
			const coords = r.coordinates.slice(start, i + 1);
			start = i;
			const from = node(coords[0]);
			const to = node(coords[coords.length - 1]);
			const lengthM = lineLengthM(coords);
			const timeS = lengthM / (r.speedKmh / 3.6);
			adjacency[from].push({ to, timeS, lengthM, coords });
			if (!r.oneway) adjacency[to].push({ to: from, timeS, lengthM, coords: [...coords].reverse() });
			list.push({ coords, from, to, speedKmh: r.speedKmh, oneway: r.oneway, lengthM });
		}
	}
	return { nodes, adjacency, roads: list };
}

/** A binary min-heap of [priority, value]. */
class Heap {
	private items: [number, number][] = [];
	get size() {
		return this.items.length;
	}
	push(p: number, v: number) {
		const a = this.items;
		a.push([p, v]);
		let i = a.length - 1;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (a[parent][0] < a[i][0] || (a[parent][0] === a[i][0] && a[parent][1] <= a[i][1])) break;
			[a[parent], a[i]] = [a[i], a[parent]];
			i = parent;
		}
	}
	pop(): [number, number] {
		const a = this.items;
		const top = a[0];
		const last = a.pop()!;
		if (a.length) {
			a[0] = last;
			let i = 0;
			for (;;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				const less = (x: number, y: number) => a[x][0] < a[y][0] || (a[x][0] === a[y][0] && a[x][1] < a[y][1]);
				if (l < a.length && less(l, m)) m = l;
				if (r < a.length && less(r, m)) m = r;
				if (m === i) break;
				[a[m], a[i]] = [a[i], a[m]];
				i = m;
			}
		}
		return top;
	}
}

/** Local equirectangular projection around a point, metres. */
function projector(origin: Position) {
	const kx = 111_320 * Math.cos(rad(origin[1]));
	const ky = 110_574;
	return (p: Position) => [(p[0] - origin[0]) * kx, (p[1] - origin[1]) * ky];
}

export interface Snap {
	road: number;
	/** Index of the segment within the road's coordinates, and the fraction along it. */
	segment: number;
	t: number;
	point: Position;
	distanceM: number;
}

/** The nearest point on any road to p. */
export function snap(graph: RoadGraph, p: Position): Snap | null {
	const proj = projector(p);
	let best: Snap | null = null;
	graph.roads.forEach((r, ri) => {
		for (let s = 0; s < r.coords.length - 1; s++) {
			const [ax, ay] = proj(r.coords[s]);
			const [bx, by] = proj(r.coords[s + 1]);
			const dx = bx - ax;
			const dy = by - ay;
			const len2 = dx * dx + dy * dy;
			const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
			const x = ax + t * dx;
			const y = ay + t * dy;
			const d = Math.hypot(x, y);
			if (!best || d < best.distanceM) {
				const a = r.coords[s];
				const b = r.coords[s + 1];
				best = { road: ri, segment: s, t, point: [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])], distanceM: d };
			}
		}
	});
	return best;
}

/** Every stop snapped to its nearest road; a stop farther than maxSnapM is refused by name. */
function snapStops(graph: RoadGraph, stops: Position[], maxSnapM: number): Snap[] {
	return stops.map((p, i) => {
		const s = snap(graph, p);
		if (!s || s.distanceM > maxSnapM) {
			const d = s ? Math.round(s.distanceM) : null;
			throw new RouteError('far_from_road', i, `Stop ${i + 1} is ${d ?? '—'} m from the nearest road (at most ${maxSnapM} m).`, d);
		}
		return s;
	});
}

export interface Leg {
	coordinates: Position[];
	distanceM: number;
	durationS: number;
}

/** The pieces of a snapped point's road: from the road start to the point, and from the point to the road end. */
function split(graph: RoadGraph, s: Snap) {
	const r = graph.roads[s.road];
	const before = [...r.coords.slice(0, s.segment + 1), s.point];
	const after = [s.point, ...r.coords.slice(s.segment + 1)];
	const speed = r.speedKmh / 3.6;
	return { r, before, after, beforeS: lineLengthM(before) / speed, afterS: lineLengthM(after) / speed };
}

/**
 * The fastest leg between two snapped points. Extra virtual nodes join each point to its
 * road's ends (respecting one-way); a point on the same road may also be reached directly.
 */
export function fastestLeg(graph: RoadGraph, a: Snap, b: Snap): Leg | null {
	const n = graph.nodes.length;
	const START = n;
	const END = n + 1;
	const sa = split(graph, a);
	const sb = split(graph, b);
	const extra = new Map<number, Edge[]>();
	const add = (from: number, e: Edge) => extra.set(from, [...(extra.get(from) ?? []), e]);
	// From the start point: forward to the road's end, and back to its start unless one-way.
	add(START, { to: sa.r.to, timeS: sa.afterS, lengthM: lineLengthM(sa.after), coords: sa.after });
	if (!sa.r.oneway) add(START, { to: sa.r.from, timeS: sa.beforeS, lengthM: lineLengthM(sa.before), coords: [...sa.before].reverse() });
	// Into the end point: from the road's start forward, and from its end backward unless one-way.
	add(sb.r.from, { to: END, timeS: sb.beforeS, lengthM: lineLengthM(sb.before), coords: sb.before });
	if (!sb.r.oneway) add(sb.r.to, { to: END, timeS: sb.afterS, lengthM: lineLengthM(sb.after), coords: [...sb.after].reverse() });
	// Both on the same road, in drivable order: straight along it.
	if (a.road === b.road) {
		const forward = a.segment < b.segment || (a.segment === b.segment && a.t <= b.t);
		if (forward || !sa.r.oneway) {
			const [p, q] = forward ? [a, b] : [b, a];
			const seg = [p.point, ...sa.r.coords.slice(p.segment + 1, q.segment + 1), q.point];
			const coords = forward ? seg : [...seg].reverse();
			const lengthM = lineLengthM(coords);
			add(START, { to: END, timeS: lengthM / (sa.r.speedKmh / 3.6), lengthM, coords });
		}
	}
	const edgesOf = (v: number) => [...(v < n ? graph.adjacency[v] : []), ...(extra.get(v) ?? [])];
	const dist = new Map<number, number>([[START, 0]]);
	const prev = new Map<number, { from: number; edge: Edge }>();
	const heap = new Heap();
	heap.push(0, START);
	while (heap.size) {
		const [d, v] = heap.pop();
		if (d > (dist.get(v) ?? Infinity)) continue;
		if (v === END) break;
		for (const e of edgesOf(v)) {
			const nd = d + e.timeS;
			if (nd < (dist.get(e.to) ?? Infinity) - 1e-9) {
				dist.set(e.to, nd);
				prev.set(e.to, { from: v, edge: e });
				heap.push(nd, e.to);
			}
		}
	}
	if (!dist.has(END)) return null;
	const edges: Edge[] = [];
	for (let v = END; v !== START;) {
		const p = prev.get(v)!;
		edges.push(p.edge);
		v = p.from;
	}
	edges.reverse();
	const coordinates: Position[] = [];
	for (const e of edges) for (const c of e.coords) if (!coordinates.length || key(coordinates[coordinates.length - 1]) !== key(c)) coordinates.push(c);
	return { coordinates, distanceM: edges.reduce((s, e) => s + e.lengthM, 0), durationS: dist.get(END)! };
}

/** Defaults: how far a stop may be from a road, and the no-road estimate (straight × factor at a speed). */
export const MAX_SNAP_M = 500;
export const DETOUR_FACTOR = 1.3;
export const FALLBACK_SPEED_KMH = 40;

export interface RouteOptions {
	/** Stops farther than this from any road cannot be routed, metres. */
	maxSnapM?: number;
	/** Without roads: straight legs × this factor at this speed, labelled estimated. */
	detourFactor?: number;
	fallbackSpeedKmh?: number;
}

export interface Route {
	legs: Leg[];
	distanceM: number;
	durationS: number;
	/** True when there was no road data and legs are straight lines with a detour factor. */
	estimated: boolean;
	detourFactor: number | null;
}

/** Routes through stops in order. Errors name the stop (0-based index) that cannot be reached. */
export function routeStops(graph: RoadGraph, stops: Position[], options: RouteOptions = {}): Route {
	const { maxSnapM = MAX_SNAP_M, detourFactor = DETOUR_FACTOR, fallbackSpeedKmh = FALLBACK_SPEED_KMH } = options;
	if (stops.length < 2) throw new RouteError('too_few_stops', 0, 'A route needs at least two stops.');
	if (graph.roads.length === 0) {
		const legs = stops.slice(1).map((to, i) => {
			const distanceM = haversineM(stops[i], to) * detourFactor;
			return { coordinates: [stops[i], to], distanceM, durationS: distanceM / (fallbackSpeedKmh / 3.6) };
		});
		return { legs, ...totals(legs), estimated: true, detourFactor };
	}
	const snaps = snapStops(graph, stops, maxSnapM);
	const legs: Leg[] = [];
	for (let i = 1; i < snaps.length; i++) {
		const leg = fastestLeg(graph, snaps[i - 1], snaps[i]);
		if (!leg) throw new RouteError('no_path', i, `No road leads from stop ${i} to stop ${i + 1}.`);
		legs.push(leg);
	}
	return { legs, ...totals(legs), estimated: false, detourFactor: null };
}

function totals(legs: Leg[]) {
	return { distanceM: legs.reduce((s, l) => s + l.distanceM, 0), durationS: legs.reduce((s, l) => s + l.durationS, 0) };
}

/** Driving-time matrix between stops (seconds; Infinity where no path), for the order optimiser. */
export function timeMatrix(graph: RoadGraph, stops: Position[], options: RouteOptions = {}): number[][] {
	const { maxSnapM = MAX_SNAP_M, detourFactor = DETOUR_FACTOR, fallbackSpeedKmh = FALLBACK_SPEED_KMH } = options;
	if (graph.roads.length === 0) return stops.map((a) => stops.map((b) => (haversineM(a, b) * detourFactor) / (fallbackSpeedKmh / 3.6)));
	const snaps = snapStops(graph, stops, maxSnapM);
	return snaps.map((a, i) => snaps.map((b, j) => (i === j ? 0 : (fastestLeg(graph, a, b)?.durationS ?? Infinity))));
}
