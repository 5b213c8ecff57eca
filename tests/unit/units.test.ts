import { describe, expect, it } from 'vitest';
import { M2_PER_MU, fromM2, m2ToMu, muToM2, rentPerDayToMonth, roundTo, toM2 } from '$lib/domain/units';

describe('area units', () => {
	it('defines 1 亩 as 10000/15 m²', () => {
		expect(M2_PER_MU).toBeCloseTo(666.6667, 4);
		expect(m2ToMu(666.6666666666666)).toBeCloseTo(1, 12);
	});
	it('15 亩 make a hectare', () => {
		expect(m2ToMu(10_000)).toBeCloseTo(15, 12);
		expect(fromM2(10_000, 'ha')).toBe(1);
	});
	it('round-trips 亩 and m²', () => {
		for (const mu of [0.5, 1, 32, 870, 9570]) expect(m2ToMu(muToM2(mu))).toBeCloseTo(mu, 9);
	});
	it('converts to and from every unit', () => {
		for (const unit of ['mu', 'ha', 'm2'] as const) expect(toM2(fromM2(12_345, unit), unit)).toBeCloseTo(12_345, 6);
	});
	it('rounds half up without binary surprises', () => {
		expect(roundTo(1.005, 2)).toBe(1.01);
		expect(roundTo(2.675, 2)).toBe(2.68);
	});
	it('quotes monthly rent from a daily rent over 30 days', () => {
		expect(rentPerDayToMonth(1.5)).toBe(45);
	});
});
