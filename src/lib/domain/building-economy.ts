/**
 * The building economy (楼宇经济) as pure rules: the tax tier a building's tenants' annual tax
 * puts it in (亿元楼宇: over ¥100 million), tax per m², months, and vacancy that stays high.
 */
import type { TaxTier } from './vocab';

/** Tier floors in 万元 a year: ¥100 million = 10,000 万元. */
const TIER_FLOORS: readonly [TaxTier, number][] = [
	['over_100m', 10_000],
	['over_50m', 5_000],
	['over_10m', 1_000]
];

/** The tier of an annual tax (万元); over means strictly more than the floor, as 过亿 is read. */
export function taxTierOf(annualTaxWan: number): TaxTier {
	for (const [tier, floor] of TIER_FLOORS) if (annualTaxWan > floor) return tier;
	return 'none';
}

/** Tax per m² of gross area, 元 a year (null when the tax is unknown). */
export const taxPerM2Yuan = (annualTaxWan: number | null, grossAreaM2: number) =>
	annualTaxWan === null || grossAreaM2 <= 0 ? null : Math.round(((annualTaxWan * 10_000) / grossAreaM2) * 10) / 10;

/** The month a day falls in, as its first day (`YYYY-MM-01`). */
export const monthOf = (d: Date | string) => `${(typeof d === 'string' ? d : d.toISOString()).slice(0, 7)}-01`;

/** The `n` months up to and including `month`, oldest first. */
export function monthsUpTo(month: string, n: number): string[] {
	const [y, m] = month.split('-').map(Number);
	return Array.from({ length: n }, (_, i) => {
		const d = new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1));
		return d.toISOString().slice(0, 10);
	});
}

/** A vacancy rate at or above this is high. */
export const HIGH_VACANCY = 0.4;
/** …and high for this many months in a row flags the building for promotion. */
export const HIGH_VACANCY_MONTHS = 6;

export interface MonthFigures {
	month: string;
	leasableM2: number;
	vacantM2: number;
}

export const vacancyOf = (m: Pick<MonthFigures, 'leasableM2' | 'vacantM2'>) => (m.leasableM2 > 0 ? m.vacantM2 / m.leasableM2 : 0);

/**
 * Vacancy that has stayed high: the last `HIGH_VACANCY_MONTHS` months up to `month` are all
 * recorded and all at or above `HIGH_VACANCY`. A missing month breaks the run (nothing is assumed).
 */
export function persistentVacancy(months: MonthFigures[], month: string): boolean {
	const byMonth = new Map(months.map((m) => [m.month, m]));
	return monthsUpTo(month, HIGH_VACANCY_MONTHS).every((k) => {
		const m = byMonth.get(k);
		return m !== undefined && vacancyOf(m) >= HIGH_VACANCY;
	});
}
