import type { UnitStatus } from './vocab';

export interface UnitLike {
	areaM2: number;
	status: UnitStatus;
}

export interface Occupancy {
	leasableM2: number;
	leasedM2: number;
	reservedM2: number;
	vacantM2: number;
	/** Leased share of the leasable area, 0..1. Reserved space counts as not yet occupied. */
	rate: number;
}

/**
 * A building's occupancy. When the building has units it is derived from them
 * (their areas are the leasable area); otherwise from the building's own
 * leasable and leased figures.
 */
export function occupancyOf(units: readonly UnitLike[], fallback: { leasableAreaM2: number; leasedAreaM2: number | null }): Occupancy {
	if (units.length > 0) {
		let leased = 0;
		let reserved = 0;
		let vacant = 0;
		for (const u of units) {
			if (u.status === 'leased') leased += u.areaM2;
			else if (u.status === 'reserved') reserved += u.areaM2;
			else vacant += u.areaM2;
		}
		const total = leased + reserved + vacant;
		return { leasableM2: total, leasedM2: leased, reservedM2: reserved, vacantM2: vacant, rate: total > 0 ? leased / total : 0 };
	}
	const leasable = fallback.leasableAreaM2;
	const leased = Math.min(fallback.leasedAreaM2 ?? 0, leasable);
	return {
		leasableM2: leasable,
		leasedM2: leased,
		reservedM2: 0,
		vacantM2: leasable - leased,
		rate: leasable > 0 ? leased / leasable : 0
	};
}

/** Occupancy classes the map colours buildings by. */
export const OCCUPANCY_BANDS = [
	{ max: 0.3, color: '#d7301f' },
	{ max: 0.6, color: '#fc8d59' },
	{ max: 0.85, color: '#fdcc8a' },
	{ max: 1.0001, color: '#7fbf7b' }
] as const;

export function occupancyColor(rate: number): string {
	for (const band of OCCUPANCY_BANDS) if (rate < band.max) return band.color;
	return OCCUPANCY_BANDS[OCCUPANCY_BANDS.length - 1].color;
}
