/**
 * A route through a tour's stops turned into what the editor, the itinerary and the exports
 * show: one line with each leg's vertex range, totals, and arrival and departure at every stop.
 */
import type { Position } from 'geojson';
import type { PlannedLeg, SavedTour, TourInput, TourPlan } from './tour-schema';
import { formatClock, schedule } from './schedule';

export interface RoutedLeg {
	coordinates: Position[];
	distanceM: number;
	durationS: number;
}

/** Joins legs into one line (shared end points once) and records where each leg lies in it. */
export function joinLegs(legs: RoutedLeg[]): { route: Position[]; legs: PlannedLeg[] } {
	const route: Position[] = [];
	const planned: PlannedLeg[] = [];
	for (const l of legs) {
		const from = route.length === 0 ? 0 : route.length - 1;
		route.push(...(route.length === 0 ? l.coordinates : l.coordinates.slice(1)));
		planned.push({ distanceM: l.distanceM, durationS: l.durationS, from, to: route.length - 1 });
	}
	return { route, legs: planned };
}

/** The path of one leg out of the joined line. */
export function legPath(plan: Pick<TourPlan, 'route'>, leg: PlannedLeg): Position[] {
	return plan.route.slice(leg.from, leg.to + 1);
}

type Timed = Pick<TourInput, 'startTime' | 'stops' | 'lunchAfterStop' | 'lunchMin'>;

/** Arrival and departure at each stop; throws ScheduleError past midnight. */
export function timetable(tour: Timed, legs: Pick<PlannedLeg, 'durationS'>[]): Pick<TourPlan, 'times' | 'endTime'> {
	const lunch = tour.lunchAfterStop === null ? undefined : { afterStop: tour.lunchAfterStop, minutes: tour.lunchMin };
	const t = schedule(
		tour.startTime,
		tour.stops,
		legs.map((l) => l.durationS),
		lunch
	);
	const times = t.map((s) => ({ arrival: formatClock(s.arrivalMin), departure: formatClock(s.departureMin) }));
	return { times, endTime: times[times.length - 1].departure };
}

export function planOf(
	tour: Timed,
	route: { legs: RoutedLeg[]; distanceM: number; durationS: number; estimated: boolean; detourFactor: number | null }
): TourPlan {
	const joined = joinLegs(route.legs);
	return {
		...joined,
		distanceM: route.distanceM,
		durationS: route.durationS,
		estimated: route.estimated,
		detourFactor: route.detourFactor,
		...timetable(tour, joined.legs)
	};
}

/** From each stop to the start of its outgoing leg and from the end of its incoming leg, where they differ. */
export function accessPaths(stops: Position[], legs: Position[][]): Position[][] {
	const out: Position[][] = [];
	const far = (a: Position, b: Position) => Math.abs(a[0] - b[0]) > 1e-6 || Math.abs(a[1] - b[1]) > 1e-6;
	legs.forEach((leg, i) => {
		const [first, last] = [leg[0], leg[leg.length - 1]];
		if (far(stops[i], first)) out.push([stops[i], first]);
		if (far(last, stops[i + 1])) out.push([last, stops[i + 1]]);
	});
	return out;
}

/** A saved tour taken apart: what staff edit, and its stored plan (null for a tour saved before legs were kept). */
export function splitSavedTour(s: SavedTour): { input: TourInput; plan: TourPlan | null } {
	const input: TourInput = {
		title: s.title,
		delegationOrg: s.delegationOrg,
		delegationSize: s.delegationSize,
		delegationContact: s.delegationContact,
		tourDate: s.tourDate,
		startTime: s.startTime,
		lunchAfterStop: s.lunchAfterStop,
		lunchMin: s.lunchMin,
		stops: s.stops
	};
	const plan =
		s.times.length === s.stops.length
			? {
					route: s.route,
					legs: s.legs,
					distanceM: s.distanceM,
					durationS: s.durationS,
					estimated: s.estimated,
					detourFactor: s.detourFactor,
					times: s.times,
					endTime: s.endTime
				}
			: null;
	return { input, plan };
}

/** Stops at one place (a tour back at its start) shown as one: numbers "1·5", labels, and whether any has a problem. */
export function stopGroups<S extends { location: Position; label: string; problem?: boolean }>(
	stops: readonly S[]
): { location: Position; numbers: number[]; labels: string[]; problem: boolean }[] {
	const at = new Map<string, { location: Position; numbers: number[]; labels: string[]; problem: boolean }>();
	stops.forEach((s, i) => {
		const key = s.location.map((v) => v.toFixed(6)).join(',');
		const g = at.get(key) ?? { location: s.location, numbers: [], labels: [], problem: false };
		g.numbers.push(i + 1);
		g.labels.push(`${i + 1}. ${s.label}`);
		g.problem ||= Boolean(s.problem);
		at.set(key, g);
	});
	return [...at.values()];
}
