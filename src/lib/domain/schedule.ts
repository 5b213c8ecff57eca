/**
 * A tour's timetable: leave the start at a time, drive each leg, stay at each stop for its
 * dwell time, take lunch after a given stop. Times are minutes after midnight on the tour's
 * day; a tour that would run past midnight is refused.
 */

export interface ScheduleStop {
	dwellMin: number;
}

export interface Timed {
	arrivalMin: number;
	departureMin: number;
}

export class ScheduleError extends Error {
	constructor(
		readonly code: 'bad_time' | 'past_midnight' | 'bad_input',
		message: string
	) {
		super(message);
	}
}

/** "09:30" → 570. */
export function parseClock(hhmm: string): number {
	const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
	if (!m) throw new ScheduleError('bad_time', `"${hhmm}" is not a time like 09:30.`);
	return Number(m[1]) * 60 + Number(m[2]);
}

/** 570 → "09:30". */
export function formatClock(min: number): string {
	const m = Math.round(min);
	return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * Arrival and departure at every stop. `legsS[i]` is the driving time from stop i to stop
 * i + 1, in seconds. Lunch, if any, is taken after stop `lunch.afterStop` (0-based).
 */
export function schedule(start: string, stops: ScheduleStop[], legsS: number[], lunch?: { afterStop: number; minutes: number }): Timed[] {
	if (legsS.length !== stops.length - 1) throw new ScheduleError('bad_input', 'There must be one leg between each pair of stops.');
	if (stops.some((s) => !(s.dwellMin >= 0))) throw new ScheduleError('bad_input', 'Dwell times cannot be negative.');
	let t = parseClock(start);
	const out: Timed[] = [];
	stops.forEach((s, i) => {
		if (i > 0) t += legsS[i - 1] / 60;
		const arrivalMin = t;
		t += s.dwellMin;
		if (lunch && lunch.afterStop === i) t += lunch.minutes;
		out.push({ arrivalMin, departureMin: t });
	});
	const last = out[out.length - 1];
	if (last.departureMin >= 24 * 60) {
		throw new ScheduleError('past_midnight', `The tour would end at ${formatClock(last.departureMin % (24 * 60))} the next day; start earlier or drop a stop.`);
	}
	return out;
}

/**
 * Where lunch goes once the stops have been put in another order: after the stop (any but the
 * last) at whose departure, without lunch, the clock is nearest to `atMin` — the time lunch
 * began before — so "optimise order" keeps lunch at lunchtime instead of after whichever stop
 * now holds its old place. Returns null when there is no stop to have lunch after.
 */
export function lunchSlotNear(start: string, stops: ScheduleStop[], legsS: number[], atMin: number): number | null {
	if (stops.length < 2) return null;
	const times = schedule(start, stops, legsS);
	let best = 0;
	for (let i = 1; i < stops.length - 1; i++) {
		if (Math.abs(times[i].departureMin - atMin) < Math.abs(times[best].departureMin - atMin)) best = i;
	}
	return best;
}
