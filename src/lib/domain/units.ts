/**
 * Area units used across the zone. 1 亩 (mu) = 10000/15 m² ≈ 666.67 m²; 1 ha = 15 亩.
 */
export const M2_PER_MU = 10000 / 15;
export const M2_PER_HA = 10000;

export type AreaUnit = 'mu' | 'ha' | 'm2';
export const AREA_UNITS: readonly AreaUnit[] = ['mu', 'ha', 'm2'];

/** Converts square metres to 亩. */
export function m2ToMu(areaM2: number): number {
	return areaM2 / M2_PER_MU;
}

/** Converts 亩 to square metres. */
export function muToM2(areaMu: number): number {
	return areaMu * M2_PER_MU;
}

/** Converts square metres to the given unit. */
export function fromM2(areaM2: number, unit: AreaUnit): number {
	if (unit === 'mu') return m2ToMu(areaM2);
	if (unit === 'ha') return areaM2 / M2_PER_HA;
	return areaM2;
}

/** Converts a value in the given unit to square metres. */
export function toM2(value: number, unit: AreaUnit): number {
	if (unit === 'mu') return muToM2(value);
	if (unit === 'ha') return value * M2_PER_HA;
	return value;
}

/** Rounds to a number of decimals without floating-point surprises like 1.005 → 1. */
export function roundTo(value: number, decimals: number): number {
	const f = 10 ** decimals;
	return Math.round((value + Number.EPSILON) * f) / f;
}

/** Sensible decimals per unit for display: 亩 and ha one decimal (two below 10), m² none. */
export function areaDecimals(value: number, unit: AreaUnit): number {
	if (unit === 'm2') return 0;
	return Math.abs(value) < 10 ? 2 : 1;
}

/** 元/m²·天 to 元/m²·月 using the 30-day month that leases quote. */
export function rentPerDayToMonth(yuanPerM2Day: number): number {
	return yuanPerM2Day * 30;
}
