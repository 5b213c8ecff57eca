import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, LineString } from 'geojson';
import { buildGraph, haversineM, RouteError, routeStops, timeMatrix, type RoadInput } from '$lib/geo/routing';
import { formatClock, schedule, ScheduleError } from '$lib/domain/schedule';
import { optimiseOrder } from '$lib/domain/tour-order';

function load(name: string): RoadInput[] {
	const fc = JSON.parse(readFileSync(`tests/fixtures/routing/${name}.geojson`, 'utf8')) as FeatureCollection<LineString>;
	return fc.features.map((f) => ({
		id: f.properties!.id,
		coordinates: f.geometry.coordinates,
		speedKmh: f.properties!.speed_kmh,
		oneway: f.properties!.oneway
	}));
}

const net = buildGraph(load('network'));
const A = [100.0, 30.0];
const C = [100.02, 30.0];
const D = [100.01, 30.01];
const E = [100.02, 30.01];
const F = [100.1, 30.1];
const passes = (coords: number[][], p: number[]) => coords.some((c) => Math.abs(c[0] - p[0]) < 1e-9 && Math.abs(c[1] - p[1]) < 1e-9);

describe('fastest paths on a road network', () => {
	it('turns at a vertex two roads share mid-way, but not where lines merely cross (an overpass)', () => {
		const g = buildGraph(load('through-junction'));
		// Main road runs on through the side road's end: a junction in the middle of a way.
		const viaJunction = routeStops(g, [
			[101.0, 30.0],
			[101.01, 30.01]
		]);
		expect(viaJunction.distanceM).toBeCloseTo(haversineM([101.0, 30.0], [101.01, 30.0]) + haversineM([101.01, 30.0], [101.01, 30.01]), 0);
		// The overpass crosses the main road without a shared vertex: no way across.
		expect(() =>
			routeStops(g, [
				[101.0, 30.0],
				[101.015, 30.005]
			])
		).toThrow(RouteError);
	});
	it('takes the straight way when there is one', () => {
		const r = routeStops(net, [A, C]);
		expect(r.distanceM).toBeCloseTo(haversineM(A, C), 0);
		expect(r.durationS).toBeCloseTo(r.distanceM / (50 / 3.6), 6);
		expect(r.estimated).toBe(false);
	});
	it('drives a one-way street only in its direction', () => {
		const withTheFlow = routeStops(net, [E, C]);
		expect(withTheFlow.distanceM).toBeLessThan(1200);
		const against = routeStops(net, [C, E]);
		expect(passes(against.legs[0].coordinates, D)).toBe(true);
		expect(against.distanceM).toBeGreaterThan(2500);
	});
	it('names the stop that cannot be reached, or is far from any road', () => {
		const noPath = (() => {
			try {
				routeStops(net, [A, C, F]);
			} catch (e) {
				return e as RouteError;
			}
		})()!;
		expect(noPath).toBeInstanceOf(RouteError);
		expect(noPath.code).toBe('no_path');
		expect(noPath.message).toContain('stop 2 to stop 3');
		const far = (() => {
			try {
				routeStops(net, [A, [100.05, 30.05]]);
			} catch (e) {
				return e as RouteError;
			}
		})()!;
		expect(far.code).toBe('far_from_road');
		expect(far.stopIndex).toBe(1);
	});
	it('starts and ends mid-road, snapping stops onto the nearest road', () => {
		const mid = [100.005, 30.0002]; // ~22 m north of the middle of A–B
		const r = routeStops(net, [mid, C]);
		expect(r.distanceM).toBeCloseTo(haversineM([100.005, 30], C), -1);
	});
	it('breaks equal-cost ties the same way every time', () => {
		const sq = buildGraph(load('square'));
		const a = routeStops(sq, [
			[101, 31],
			[101.01, 31.01]
		]);
		const b = routeStops(sq, [
			[101, 31],
			[101.01, 31.01]
		]);
		expect(a.legs[0].coordinates).toEqual(b.legs[0].coordinates);
		expect(a.distanceM).toBeCloseTo(haversineM([101, 31], [101.01, 31]) + haversineM([101.01, 31], [101.01, 31.01]), 0);
	});
	it('falls back to straight legs with a stated detour factor when there are no roads', () => {
		const r = routeStops(buildGraph([]), [A, C]);
		expect(r.estimated).toBe(true);
		expect(r.detourFactor).toBe(1.3);
		expect(r.distanceM).toBeCloseTo(haversineM(A, C) * 1.3, 6);
	});
	it('gives a driving-time matrix with Infinity where there is no path', () => {
		const m = timeMatrix(net, [A, C, F]);
		expect(m[0][1]).toBeGreaterThan(0);
		expect(m[0][2]).toBe(Infinity);
		expect(m[1][1]).toBe(0);
	});
});

describe('schedule', () => {
	it('adds legs, dwell times and lunch', () => {
		const t = schedule('09:00', [{ dwellMin: 0 }, { dwellMin: 30 }, { dwellMin: 45 }], [1800, 900], { afterStop: 1, minutes: 60 });
		expect(t.map((x) => [formatClock(x.arrivalMin), formatClock(x.departureMin)])).toEqual([
			['09:00', '09:00'],
			['09:30', '11:00'],
			['11:15', '12:00']
		]);
	});
	it('refuses a tour that would run past midnight, and a bad start time', () => {
		expect(() => schedule('22:00', [{ dwellMin: 60 }, { dwellMin: 90 }], [1800])).toThrow(ScheduleError);
		expect(() => schedule('25:00', [{ dwellMin: 0 }, { dwellMin: 0 }], [60])).toThrow(/not a time/);
		expect(() => schedule('09:00', [{ dwellMin: -5 }, { dwellMin: 0 }], [60])).toThrow(ScheduleError);
	});
});

describe('order optimiser', () => {
	const rng = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const points = (n: number, r: () => number) => Array.from({ length: n }, () => [r() * 10, r() * 10]);
	const matrix = (p: number[][]) => p.map((a) => p.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1])));

	it('keeps the first and last stop and is never worse than the given order', () => {
		for (let s = 1; s <= 60; s++) {
			const m = matrix(points(3 + (s % 8), rng(s)));
			const r = optimiseOrder(m);
			expect(r.order[0]).toBe(0);
			expect(r.order[r.order.length - 1]).toBe(m.length - 1);
			expect(new Set(r.order).size).toBe(m.length);
			expect(r.costS).toBeLessThanOrEqual(r.givenCostS + 1e-9);
		}
	});
	it('finds the optimum (checked by brute force on 7 stops)', () => {
		const m = matrix(points(7, rng(42)));
		const mids = [1, 2, 3, 4, 5];
		let best = Infinity;
		const perm = (rest: number[], acc: number[]) => {
			if (!rest.length) {
				const o = [0, ...acc, 6];
				let c = 0;
				for (let i = 1; i < o.length; i++) c += m[o[i - 1]][o[i]];
				best = Math.min(best, c);
			}
			rest.forEach((x, i) => perm([...rest.slice(0, i), ...rest.slice(i + 1)], [...acc, x]));
		};
		perm(mids, []);
		expect(optimiseOrder(m).costS).toBeCloseTo(best, 9);
	});
	it('puts stops along a line in line order', () => {
		const p = [
			[0, 0],
			[3, 0],
			[1, 0],
			[4, 0],
			[2, 0],
			[5, 0]
		];
		expect(optimiseOrder(matrix(p)).order).toEqual([0, 2, 4, 1, 3, 5]);
	});
});
