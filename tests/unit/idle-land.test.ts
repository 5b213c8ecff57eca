/** The legal test for idle land on dated cases — each branch, the one- and two-year edges, leap days — and the low-efficiency thresholds. */
import { describe, expect, it } from 'vitest';
import { idleFeeWan, judgeIdleLand, judgeLowEfficiency, periodLastDay, periodPassed, thresholdsFor, type IdleLandFacts } from '$lib/domain/idle-land';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (x: Date) => x.toISOString().slice(0, 10);
const notStarted = (agreed: string): IdleLandFacts => ({
	agreedStartDate: d(agreed),
	started: false,
	builtRatio: null,
	investedRatio: null,
	stoppedSince: null
});
const stalled = (since: string, builtRatio: number | null, investedRatio: number | null): IdleLandFacts => ({
	agreedStartDate: d('2020-01-01'),
	started: true,
	builtRatio,
	investedRatio,
	stoppedSince: d(since)
});

describe('periods as the Civil Code counts them', () => {
	it('ends a year on the corresponding day, the start day not counted; it has passed the day after', () => {
		expect(iso(periodLastDay(d('2024-03-01'), 1))).toBe('2025-03-01');
		expect(iso(periodPassed(d('2024-03-01'), 1))).toBe('2025-03-02');
		expect(iso(periodPassed(d('2024-12-31'), 1))).toBe('2026-01-01');
	});
	it('ends a year from 29 February on the last day of February', () => {
		expect(iso(periodLastDay(d('2024-02-29'), 1))).toBe('2025-02-28');
		expect(iso(periodPassed(d('2024-02-29'), 1))).toBe('2025-03-01');
		// …and four years on, on 29 February again.
		expect(iso(periodLastDay(d('2024-02-29'), 4))).toBe('2028-02-29');
	});
	it('runs a year from 28 February 2027 to 28 February 2028 (a leap year)', () => {
		expect(iso(periodPassed(d('2027-02-28'), 1))).toBe('2028-02-29');
	});
});

describe('idle land rule (闲置土地认定)', () => {
	it('not started: idle from the day after one full year, with a fee; recovery after two', () => {
		const f = notStarted('2024-03-01');
		expect(judgeIdleLand(f, d('2025-03-01'))).toEqual({ idle: false });
		const v = judgeIdleLand(f, d('2025-03-02'));
		expect(v).toMatchObject({ idle: true, reason: 'not_started', consequence: 'idle_fee' });
		if (v.idle) {
			expect(iso(v.since)).toBe('2025-03-02');
			expect(iso(v.recoveryFrom)).toBe('2026-03-02');
		}
		expect(judgeIdleLand(f, d('2026-03-01'))).toMatchObject({ consequence: 'idle_fee' });
		expect(judgeIdleLand(f, d('2026-03-02'))).toMatchObject({ consequence: 'recovery' });
	});
	it('a time of day never moves an edge', () => {
		expect(judgeIdleLand(notStarted('2024-03-01'), new Date('2025-03-01T23:59:59Z')).idle).toBe(false);
		expect(judgeIdleLand(notStarted('2024-03-01'), new Date('2025-03-02T00:00:01Z')).idle).toBe(true);
	});
	it('an agreed start on 29 February: idle from 1 March of the next year, recovery from 1 March a year later', () => {
		const f = notStarted('2024-02-29');
		expect(judgeIdleLand(f, d('2025-02-28')).idle).toBe(false);
		expect(judgeIdleLand(f, d('2025-03-01'))).toMatchObject({ idle: true, consequence: 'idle_fee' });
		expect(judgeIdleLand(f, d('2026-02-28'))).toMatchObject({ consequence: 'idle_fee' });
		expect(judgeIdleLand(f, d('2026-03-01'))).toMatchObject({ consequence: 'recovery' });
	});
	it('no agreed date, no verdict', () => {
		expect(judgeIdleLand({ ...notStarted('2024-01-01'), agreedStartDate: null }, d('2030-01-01'))).toEqual({ idle: false });
	});
	it('stalled under a third built: idle a year after it stopped', () => {
		const f = stalled('2024-06-15', 0.2, 0.5);
		expect(judgeIdleLand(f, d('2025-06-15')).idle).toBe(false);
		expect(judgeIdleLand(f, d('2025-06-16'))).toMatchObject({ idle: true, reason: 'stalled', consequence: 'idle_fee' });
		expect(judgeIdleLand(f, d('2026-06-16'))).toMatchObject({ consequence: 'recovery' });
	});
	it('stalled under 25% invested, even with a third built', () => {
		expect(judgeIdleLand(stalled('2024-01-01', 0.5, 0.2), d('2025-02-01'))).toMatchObject({ idle: true, reason: 'stalled' });
	});
	it('the thresholds themselves: exactly a third built and 25% invested is not idle', () => {
		expect(judgeIdleLand(stalled('2020-01-01', 1 / 3, 0.25), d('2025-02-01')).idle).toBe(false);
		expect(judgeIdleLand(stalled('2020-01-01', 0.333, 0.25), d('2025-02-01')).idle).toBe(true);
		expect(judgeIdleLand(stalled('2020-01-01', 1 / 3, 0.2499), d('2025-02-01')).idle).toBe(true);
	});
	it('stopped but well built and invested is not idle; unknown shares count as none', () => {
		expect(judgeIdleLand(stalled('2020-01-01', 0.5, 0.5), d('2025-02-01')).idle).toBe(false);
		expect(judgeIdleLand(stalled('2020-01-01', null, 0.9), d('2025-02-01')).idle).toBe(true);
	});
	it('started and not stopped is not idle however little is built', () => {
		expect(judgeIdleLand({ ...stalled('2020-01-01', 0.01, 0.01), stoppedSince: null }, d('2030-01-01')).idle).toBe(false);
	});
	it('the idle fee is 20% of the land price', () => {
		expect(idleFeeWan(1234.5)).toBe(246.9);
	});
});

describe('low-efficiency thresholds (亩均税收, 亩均产值)', () => {
	const zone = { taxPerMuWan: 15, outputPerMuWan: 300 };
	it('is low when tax or output per mu is below its threshold, naming which', () => {
		expect(judgeLowEfficiency({ taxPerMuWan: 10, outputPerMuWan: 400 }, zone)).toEqual({ low: true, judged: true, below: ['tax'] });
		expect(judgeLowEfficiency({ taxPerMuWan: 10, outputPerMuWan: 200 }, zone)).toEqual({ low: true, judged: true, below: ['tax', 'output'] });
		expect(judgeLowEfficiency({ taxPerMuWan: 15, outputPerMuWan: 300 }, zone)).toEqual({ low: false, judged: true });
	});
	it('does not judge a plot without figures or a zone without thresholds', () => {
		expect(judgeLowEfficiency({ taxPerMuWan: null, outputPerMuWan: null }, zone)).toEqual({ low: false, judged: false });
		expect(judgeLowEfficiency({ taxPerMuWan: 1, outputPerMuWan: 1 }, { taxPerMuWan: null, outputPerMuWan: null })).toEqual({ low: false, judged: false });
	});
	it('takes a park’s threshold over the zone’s, field by field', () => {
		expect(thresholdsFor({ taxPerMuWan: 30 }, zone)).toEqual({ taxPerMuWan: 30, outputPerMuWan: 300 });
		expect(thresholdsFor(null, zone)).toEqual(zone);
		expect(judgeLowEfficiency({ taxPerMuWan: 20, outputPerMuWan: 400 }, thresholdsFor({ taxPerMuWan: 30 }, zone))).toMatchObject({ low: true, below: ['tax'] });
	});
});
