import { SUPPLY_STATUSES, type SupplyStatus } from './vocab';

/** Colour of each supply status on the map and in the legend. */
export const SUPPLY_STATUS_COLORS: Record<SupplyStatus, string> = {
	reserve: '#9e9ac8',
	available: '#1a9850',
	negotiating: '#fee08b',
	signed: '#fdae61',
	under_construction: '#4575b4',
	in_production: '#878787'
};

/** Colour of the outline that marks idle (闲置) and low-efficiency (低效) land. */
export const IDLE_OUTLINE_COLOR = '#d73027';
export const LOW_EFFICIENCY_OUTLINE_COLOR = '#f46d43';

/**
 * Allowed supply-status moves. A plot normally moves one step forward; a deal can
 * fall through (negotiating → available, signed → available) and recovered idle
 * land returns to the reserve.
 */
const TRANSITIONS: Record<SupplyStatus, readonly SupplyStatus[]> = {
	reserve: ['available'],
	available: ['reserve', 'negotiating'],
	negotiating: ['available', 'signed'],
	signed: ['available', 'under_construction'],
	under_construction: ['in_production', 'reserve'],
	in_production: ['reserve']
};

export function canTransition(from: SupplyStatus, to: SupplyStatus): boolean {
	return from === to || TRANSITIONS[from].includes(to);
}

/** Whether investors can still take the plot (what the public "available land" counts). */
export function isOnOffer(status: SupplyStatus): boolean {
	return status === 'available' || status === 'reserve';
}

export function statusIndex(status: SupplyStatus): number {
	return SUPPLY_STATUSES.indexOf(status);
}

export interface IdleLandFacts {
	/** Agreed construction start date from the land contract. */
	agreedStartDate: Date | null;
	/** Whether construction has started at all. */
	started: boolean;
	/** Built floor area as a share of the planned total, 0..1. */
	builtRatio: number | null;
	/** Investment made as a share of the total agreed, 0..1. */
	investedRatio: number | null;
	/** Date since which work has been stopped, if it has. */
	stoppedSince: Date | null;
}

export type IdleVerdict = { idle: false } | { idle: true; reason: 'not_started' | 'stalled'; since: Date; consequence: 'idle_fee' | 'recovery' };

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/**
 * The legal test for idle land (闲置土地认定): construction not started one year after the
 * agreed date; or started but less than 1/3 built (or less than 25% invested) and stopped
 * for a year. A fee is due after one year idle; the land can be recovered after two.
 */
export function judgeIdleLand(facts: IdleLandFacts, today: Date): IdleVerdict {
	let since: Date | null = null;
	let reason: 'not_started' | 'stalled' | null = null;
	if (!facts.started && facts.agreedStartDate) {
		const after = new Date(facts.agreedStartDate.getTime() + YEAR_MS);
		if (today >= after) {
			since = after;
			reason = 'not_started';
		}
	} else if (facts.started && facts.stoppedSince) {
		const underBuilt = (facts.builtRatio ?? 0) < 1 / 3 || (facts.investedRatio ?? 0) < 0.25;
		const after = new Date(facts.stoppedSince.getTime() + YEAR_MS);
		if (underBuilt && today >= after) {
			since = after;
			reason = 'stalled';
		}
	}
	if (!since || !reason) return { idle: false };
	const idleYears = (today.getTime() - since.getTime()) / YEAR_MS;
	// The verdict date is already one year past the trigger: fee from then, recovery a year later.
	return { idle: true, reason, since, consequence: idleYears >= 1 ? 'recovery' : 'idle_fee' };
}
