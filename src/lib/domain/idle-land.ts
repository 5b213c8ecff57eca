/**
 * Idle and low-efficiency land, judged as the law judges it — pure functions, no clock:
 * the caller says what day it is.
 *
 * 闲置土地 (《闲置土地处置办法》第二条): land not started one year after the start date agreed
 * in the contract; or started, with less than one third of the area to be developed under
 * construction or less than 25% of the total investment made, and then stopped for a year.
 * Idle for a year: an idle fee of 20% of the land price; for two years: recovered without
 * compensation (第十四条).
 *
 * Periods are counted as the Civil Code counts them (民法典 第二百零一、二百零二条): the day a
 * period starts does not count; a period of years ends on the corresponding day of the end
 * year, or on the last day of that month when it has none (29 February). A period has passed
 * ("满一年") on the day after its last day.
 */

/** A calendar day at UTC midnight, from `YYYY-MM-DD` or a Date (its UTC day). */
export type Day = Date;

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d));

/** The last day of a period of `years` years that starts on `start` (the start day not counted). */
export function periodLastDay(start: Day, years: number): Day {
	const y = start.getUTCFullYear() + years;
	const m = start.getUTCMonth();
	const lastOfMonth = utc(y, m + 1, 0).getUTCDate();
	return utc(y, m, Math.min(start.getUTCDate(), lastOfMonth));
}

/** The first day on which a period of `years` years from `start` has passed. */
export function periodPassed(start: Day, years: number): Day {
	const last = periodLastDay(start, years);
	return utc(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate() + 1);
}

/** The day of a moment (UTC), so that a time of day never moves an edge. */
export const dayOf = (d: Date): Day => utc(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());

export interface IdleLandFacts {
	/** Agreed construction start date from the land contract. */
	agreedStartDate: Day | null;
	/** Whether construction has started at all. */
	started: boolean;
	/** Area under construction as a share of the area to be developed, 0..1. */
	builtRatio: number | null;
	/** Investment made as a share of the total agreed, 0..1. */
	investedRatio: number | null;
	/** Date since which work has been stopped, if it has. */
	stoppedSince: Day | null;
}

export type IdleReason = 'not_started' | 'stalled';

export type IdleVerdict =
	| { idle: false }
	| {
			idle: true;
			reason: IdleReason;
			/** The first day the land is idle. */
			since: Day;
			/** An idle fee (20% of the land price) in the first year idle; recovery without compensation from the second. */
			consequence: 'idle_fee' | 'recovery';
			/** The first day recovery applies. */
			recoveryFrom: Day;
	  };

/** Under a third of the area under construction, or under a quarter of the investment made. */
export function isUnderDeveloped(builtRatio: number | null, investedRatio: number | null): boolean {
	return (builtRatio ?? 0) < 1 / 3 || (investedRatio ?? 0) < 0.25;
}

/** The legal test for idle land on `today`. */
export function judgeIdleLand(facts: IdleLandFacts, today: Date): IdleVerdict {
	const day = dayOf(today);
	let from: Day | null = null;
	let reason: IdleReason | null = null;
	if (!facts.started && facts.agreedStartDate) {
		from = dayOf(facts.agreedStartDate);
		reason = 'not_started';
	} else if (facts.started && facts.stoppedSince && isUnderDeveloped(facts.builtRatio, facts.investedRatio)) {
		from = dayOf(facts.stoppedSince);
		reason = 'stalled';
	}
	if (!from || !reason) return { idle: false };
	const since = periodPassed(from, 1);
	if (day < since) return { idle: false };
	const recoveryFrom = periodPassed(from, 2);
	return { idle: true, reason, since, recoveryFrom, consequence: day >= recoveryFrom ? 'recovery' : 'idle_fee' };
}

/** The idle fee: 20% of the land price (万元), due once the land has been idle for a year. */
export const IDLE_FEE_SHARE = 0.2;
export const idleFeeWan = (landPriceWan: number) => Math.round(landPriceWan * IDLE_FEE_SHARE * 100) / 100;

export interface EfficiencyThresholds {
	/** 亩均税收 below this (万元/亩/年) is low efficiency; null: not judged by tax. */
	taxPerMuWan: number | null;
	/** 亩均产值 below this (万元/亩/年) is low efficiency; null: not judged by output. */
	outputPerMuWan: number | null;
}

export type EfficiencyVerdict = { low: false; judged: boolean } | { low: true; judged: true; below: ('tax' | 'output')[] };

/**
 * Low-efficiency land (低效用地): a producing plot whose tax or output per 亩 is below the park's
 * (else the zone's) threshold. A plot without figures, or a park without thresholds, is not
 * judged — never silently counted as efficient or low.
 */
export function judgeLowEfficiency(figures: { taxPerMuWan: number | null; outputPerMuWan: number | null }, t: EfficiencyThresholds): EfficiencyVerdict {
	const below: ('tax' | 'output')[] = [];
	let judged = false;
	if (t.taxPerMuWan !== null && figures.taxPerMuWan !== null) {
		judged = true;
		if (figures.taxPerMuWan < t.taxPerMuWan) below.push('tax');
	}
	if (t.outputPerMuWan !== null && figures.outputPerMuWan !== null) {
		judged = true;
		if (figures.outputPerMuWan < t.outputPerMuWan) below.push('output');
	}
	return below.length ? { low: true, judged: true, below } : { low: false, judged };
}

/** A park's thresholds over the zone's: each set one wins, field by field. */
export function thresholdsFor(park: Partial<EfficiencyThresholds> | null, zone: EfficiencyThresholds): EfficiencyThresholds {
	return { taxPerMuWan: park?.taxPerMuWan ?? zone.taxPerMuWan, outputPerMuWan: park?.outputPerMuWan ?? zone.outputPerMuWan };
}
