import { describe, expect, it } from 'vitest';
import { accessPaths, joinLegs, legPath, planOf, stopGroups, timetable } from '$lib/domain/tour-plan';
import { closedLoop, includesSite, moveItem, parseTourSiteRefs, returnsToStart, samePlace, stopFromDetails, withStops } from '$lib/domain/tour-stops';
import { tourSchema, tourUpdateSchema, type TourStop } from '$lib/domain/tour-schema';
import type { FacilityDetails } from '$lib/domain/site-details';

const stop = (dwellMin: number, location: [number, number] = [118.5, 37.4]): TourStop => ({
	siteKind: 'point',
	code: null,
	location,
	label: 'x',
	dwellMin,
	notes: '',
	contact: ''
});

describe('a route joined from its legs', () => {
	const legs = [
		{
			coordinates: [
				[0, 0],
				[1, 0],
				[1, 1]
			],
			distanceM: 200,
			durationS: 60
		},
		{
			coordinates: [
				[1, 1],
				[2, 1]
			],
			distanceM: 100,
			durationS: 30
		}
	];
	it('keeps shared end points once and remembers where each leg lies', () => {
		const j = joinLegs(legs);
		expect(j.route).toEqual([
			[0, 0],
			[1, 0],
			[1, 1],
			[2, 1]
		]);
		expect(j.legs.map((l) => [l.from, l.to])).toEqual([
			[0, 2],
			[2, 3]
		]);
		expect(legPath(j, j.legs[1])).toEqual([
			[1, 1],
			[2, 1]
		]);
	});
	it('shows stops at one place as one, numbered by all of them', () => {
		const hotel = { location: [1, 1], label: 'Hotel' };
		const g = stopGroups([hotel, { location: [2, 2], label: 'Plot', problem: true }, { ...hotel }]);
		expect(g.map((x) => [x.numbers, x.problem])).toEqual([
			[[1, 3], false],
			[[2], true]
		]);
		expect(g[0].labels).toEqual(['1. Hotel', '3. Hotel']);
	});
	it('joins each stop to the road point where its legs start and end, when they differ', () => {
		const stops = [
			[0, 0.001],
			[1, 1],
			[2, 1.001]
		];
		expect(
			accessPaths(stops, [
				[
					[0, 0],
					[1, 0],
					[1, 1]
				],
				[
					[1, 1],
					[2, 1]
				]
			])
		).toEqual([
			[
				[0, 0.001],
				[0, 0]
			],
			[
				[2, 1],
				[2, 1.001]
			]
		]);
	});
	it('times the stops: drive, stay, lunch after the chosen stop', () => {
		const tour = { startTime: '09:00', lunchAfterStop: 1, lunchMin: 45, stops: [stop(0), stop(20), stop(10)] };
		expect(timetable(tour, [{ durationS: 600 }, { durationS: 900 }])).toEqual({
			times: [
				{ arrival: '09:00', departure: '09:00' },
				{ arrival: '09:10', departure: '10:15' },
				{ arrival: '10:30', departure: '10:40' }
			],
			endTime: '10:40'
		});
		const plan = planOf(
			{ ...tour, stops: tour.stops.slice(0, 2), lunchAfterStop: null },
			{ legs: legs.slice(0, 1), distanceM: 200, durationS: 60, estimated: true, detourFactor: 1.3 }
		);
		expect(plan).toMatchObject({ estimated: true, detourFactor: 1.3, endTime: '09:21' });
	});
});

describe('tour stops', () => {
	it('reads site references in order, once each, dropping anything else', () => {
		expect(parseTourSiteRefs('plot:A-1, building:B_2,facility:hotel,plot:A-1,park:X,plot:<x>')).toEqual(['plot:A-1', 'building:B_2', 'facility:hotel']);
		expect(parseTourSiteRefs(null)).toEqual([]);
	});
	it('moves an item as a drag does, and knows a tour that returns to its start', () => {
		expect(moveItem(['a', 'b', 'c', 'd'], 1, 3)).toEqual(['a', 'c', 'd', 'b']);
		expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
		expect(samePlace(stop(0), { ...stop(30), label: 'again' })).toBe(true);
		expect(samePlace(stop(0), stop(0, [118.6, 37.4]))).toBe(false);
	});
	it('adds stops before the end of a tour that returns to its start, and closes a loop once', () => {
		const [a, b, c] = [stop(0, [118.1, 37.1]), stop(10, [118.2, 37.2]), stop(10, [118.3, 37.3])];
		expect(withStops([a, b], [c])).toEqual([a, b, c]);
		const loop = closedLoop([a, b]);
		expect(loop).toHaveLength(3);
		expect(returnsToStart(loop)).toBe(true);
		expect(loop[2].dwellMin).toBe(0);
		expect(closedLoop(loop)).toEqual(loop);
		expect(withStops(loop, [c]).map((s) => s.location)).toEqual([a.location, b.location, c.location, a.location]);
		expect(closedLoop([])).toEqual([]);
	});
	it('knows a site already on the tour, never a free point', () => {
		const site = { ...stop(10), siteKind: 'plot' as const, code: 'NM-1' };
		expect(includesSite([stop(0), site], { ...site, label: 'again' })).toBe(true);
		expect(includesSite([stop(0)], stop(0))).toBe(false);
	});
	it('names a facility stop in the editor language with the default stay', () => {
		const f: FacilityDetails = {
			layer: 'facilities',
			id: 1,
			code: 'hotel',
			kind: 'hotel',
			nameZh: '蓝海国际大饭店',
			nameEn: 'Blue Ocean Hotel',
			labelPoint: [118.5851234567, 37.44],
			bbox: [0, 0, 0, 0]
		};
		expect(stopFromDetails(f, true)).toMatchObject({
			siteKind: 'facility',
			code: 'hotel',
			label: '蓝海国际大饭店',
			dwellMin: 15,
			location: [118.585123, 37.44]
		});
		expect(stopFromDetails(f, false).label).toBe('Blue Ocean Hotel');
	});
});

describe('the tour schema', () => {
	const base = { title: 'T', stops: [stop(0), stop(10), stop(0)] };
	it('fills defaults and refuses lunch after the end point', () => {
		expect(tourSchema.parse(base)).toMatchObject({ startTime: '09:00', lunchAfterStop: null, lunchMin: 60, delegationContact: '' });
		expect(tourSchema.safeParse({ ...base, lunchAfterStop: 1 }).success).toBe(true);
		expect(tourSchema.safeParse({ ...base, lunchAfterStop: 2 }).success).toBe(false);
		expect(tourUpdateSchema.safeParse({ ...base, lunchAfterStop: 2, version: 1 }).success).toBe(false);
		expect(tourUpdateSchema.safeParse({ ...base }).success).toBe(false);
	});
	it('refuses a bad time, a single stop and a malformed site code', () => {
		expect(tourSchema.safeParse({ ...base, startTime: '9:00' }).success).toBe(false);
		expect(tourSchema.safeParse({ ...base, stops: [stop(0)] }).success).toBe(false);
		expect(tourSchema.safeParse({ ...base, stops: [...base.stops, { ...stop(0), siteKind: 'plot', code: "x' or 1=1" }] }).success).toBe(false);
	});
});

describe('lunch after "optimise order"', () => {
	it('stays at the time of day it began, not at its old place in the list', async () => {
		const { lunchSlotNear, schedule } = await import('$lib/domain/schedule');
		// Five stops of 45 minutes from 08:30, legs of 20 minutes: lunch began at 12:05 after the fourth stop.
		const stops = Array.from({ length: 5 }, () => ({ dwellMin: 45 }));
		const legs = [1200, 1200, 1200, 1200];
		const before = schedule('08:30', stops, legs, { afterStop: 3, minutes: 60 });
		const lunchAt = before[3].departureMin - 60;
		// Optimised, the legs are shorter: lunch after the fourth stop again would begin at 11:45 …
		const shorter = [300, 300, 1200, 300];
		const slot = lunchSlotNear('08:30', stops, shorter, lunchAt)!;
		const after = schedule('08:30', stops, shorter, { afterStop: slot, minutes: 60 });
		expect(Math.abs(after[slot].departureMin - 60 - lunchAt)).toBeLessThanOrEqual(30);
		// … and a much shorter route moves it to a later stop, never to 10:27.
		const tiny = [60, 60, 60, 60];
		const late = lunchSlotNear('08:30', stops, tiny, lunchAt)!;
		expect(late).toBe(3);
		expect(lunchSlotNear('08:30', [{ dwellMin: 0 }], [], lunchAt)).toBeNull();
	});
});
