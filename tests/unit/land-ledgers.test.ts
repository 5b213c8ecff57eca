/** The ledgers' pure rules: which sold plots are suspected and why, tax tiers, months and long-term vacancy. */
import { describe, expect, it } from 'vitest';
import { groundsFor, type PlotLandFacts } from '../../src/lib/domain/land-suspicion';
import { monthsUpTo, persistentVacancy, taxPerM2Yuan, taxTierOf } from '../../src/lib/domain/building-economy';

const facts = (f: Partial<PlotLandFacts>): PlotLandFacts => ({
	supplyStatus: 'signed',
	agreedStartDate: null,
	startedOn: null,
	stoppedSince: null,
	builtRatio: null,
	investedRatio: null,
	taxPerMuWan: null,
	outputPerMuWan: null,
	landPriceWan: null,
	...f
});
const zone = { taxPerMuWan: 10, outputPerMuWan: 150 };
const day = (s: string) => new Date(`${s}T09:00:00Z`);

describe('groundsFor', () => {
	it('suspects sold land not started a year after the agreed date, with the fee and the recovery date', () => {
		const [g] = groundsFor(facts({ agreedStartDate: '2024-03-15', landPriceWan: 1234.5 }), zone, day('2025-03-16'));
		expect(g).toMatchObject({ kind: 'idle', reason: 'not_started', since: '2025-03-16', recoveryFrom: '2026-03-16', consequence: 'idle_fee', feeWan: 246.9 });
		expect(groundsFor(facts({ agreedStartDate: '2024-03-15' }), zone, day('2025-03-15'))).toEqual([]);
		expect(groundsFor(facts({ agreedStartDate: '2024-03-15' }), zone, day('2026-03-16'))[0]).toMatchObject({ consequence: 'recovery' });
	});
	it('counts a start by its date or by the status, and judges a stalled start by the shares', () => {
		expect(groundsFor(facts({ agreedStartDate: '2023-01-01', startedOn: '2023-02-01' }), zone, day('2026-01-01'))).toEqual([]);
		expect(groundsFor(facts({ supplyStatus: 'under_construction', agreedStartDate: '2023-01-01' }), zone, day('2026-01-01'))).toEqual([]);
		const stalled = facts({
			supplyStatus: 'under_construction',
			agreedStartDate: '2022-01-01',
			builtRatio: 0.2,
			investedRatio: 0.5,
			stoppedSince: '2024-02-29'
		});
		expect(groundsFor(stalled, zone, day('2025-02-28'))).toEqual([]);
		expect(groundsFor(stalled, zone, day('2025-03-01'))[0]).toMatchObject({ reason: 'stalled', since: '2025-03-01' });
		expect(groundsFor({ ...stalled, builtRatio: 0.5, investedRatio: 0.5 }, zone, day('2026-01-01'))).toEqual([]);
	});
	it('never suspects land still on offer, and judges efficiency only for producing plots', () => {
		expect(groundsFor(facts({ supplyStatus: 'available', agreedStartDate: '2020-01-01' }), zone, day('2026-01-01'))).toEqual([]);
		expect(groundsFor(facts({ taxPerMuWan: 3 }), zone, day('2026-01-01'))).toEqual([]);
		const [low] = groundsFor(facts({ supplyStatus: 'in_production', taxPerMuWan: 8, outputPerMuWan: 400 }), zone, day('2026-01-01'));
		expect(low).toMatchObject({ kind: 'low_efficiency', below: ['tax'] });
		expect(groundsFor(facts({ supplyStatus: 'in_production', taxPerMuWan: 8 }), { taxPerMuWan: null, outputPerMuWan: null }, day('2026-01-01'))).toEqual([]);
	});
});

describe('building economy rules', () => {
	it('puts a building in its tax tier strictly over each floor (10,000 万元 = ¥100 million)', () => {
		expect([taxTierOf(10_000), taxTierOf(10_000.1), taxTierOf(5_001), taxTierOf(1_000), taxTierOf(0)]).toEqual([
			'over_50m',
			'over_100m',
			'over_50m',
			'none',
			'none'
		]);
		expect(taxPerM2Yuan(100, 20_000)).toBe(50);
		expect(taxPerM2Yuan(null, 20_000)).toBeNull();
	});
	it('lists months across a year end, and flags vacancy only after six recorded high months', () => {
		expect(monthsUpTo('2026-02-01', 3)).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
		const months = monthsUpTo('2026-06-01', 6).map((month) => ({ month, leasableM2: 1000, vacantM2: 450 }));
		expect(persistentVacancy(months, '2026-06-01')).toBe(true);
		expect(persistentVacancy(months.slice(1), '2026-06-01')).toBe(false);
		expect(
			persistentVacancy(
				months.map((m, i) => (i === 2 ? { ...m, vacantM2: 300 } : m)),
				'2026-06-01'
			)
		).toBe(false);
	});
});
