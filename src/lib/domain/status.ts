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

// The idle-land rule (闲置土地认定) and the low-efficiency thresholds live in ./idle-land.
