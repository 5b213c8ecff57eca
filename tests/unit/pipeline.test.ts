import { describe, expect, it } from 'vitest';
import {
	canMoveEnquiry,
	cohortRates,
	contactOverdue,
	lateCutoff,
	zoneDay,
	enquiryMoves,
	linkGap,
	mondayOf,
	moveDates,
	projectWarnings,
	ratesByMonth,
	workingDaysBetween,
	type RateProject
} from '../../src/lib/domain/pipeline';
import { areaBandOf, cellOf, hasIntent } from '../../src/lib/domain/demand';
import { DEFAULT_QUERY } from '../../src/lib/domain/finder';
import { enquiryActionSchema, proposalSchema, accessCodeSchema } from '../../src/lib/domain/pipeline-schemas';

describe('enquiry moves', () => {
	it('goes forward (a step may be skipped), lost from any open status, won only once spoken to, a lost one reopened', () => {
		expect(enquiryMoves('new')).toEqual(['contacted', 'visiting', 'negotiating', 'lost']);
		expect(enquiryMoves('contacted')).toEqual(['visiting', 'negotiating', 'won', 'lost']);
		expect(enquiryMoves('negotiating')).toEqual(['won', 'lost']);
		expect(enquiryMoves('lost')).toEqual(['contacted']);
		expect(enquiryMoves('won')).toEqual([]);
		expect(canMoveEnquiry('visiting', 'contacted')).toBe(false);
	});
	it('counts working days, Monday to Friday', () => {
		// 2026-11-27 is a Friday.
		expect(workingDaysBetween('2026-11-27', '2026-11-30')).toBe(1); // Mon
		expect(workingDaysBetween('2026-11-27', '2026-11-29')).toBe(0); // the weekend
		expect(workingDaysBetween('2026-11-23', '2026-11-27')).toBe(4);
		expect(workingDaysBetween('2026-11-27', '2026-11-27')).toBe(0);
	});
	it('flags an enquiry nobody contacted after N working days, not one contacted or moved on', () => {
		const e = { status: 'new' as const, receivedOn: '2026-11-27', contactedOn: null };
		expect(contactOverdue(e, '2026-12-02', 3)).toBe(false); // Mon, Tue, Wed: 3
		expect(contactOverdue(e, '2026-12-03', 3)).toBe(true); // the fourth working day
		expect(contactOverdue({ ...e, contactedOn: '2026-11-28' }, '2026-12-10', 3)).toBe(false);
		expect(contactOverdue({ ...e, status: 'lost' }, '2026-12-10', 3)).toBe(false);
	});
	it('finds the same late enquiries by a cutoff day as day by day', () => {
		for (const today of ['2026-12-02', '2026-11-30', '2026-12-05', '2026-12-07'])
			for (const days of [1, 3, 5]) {
				const cutoff = lateCutoff(today, days);
				for (let back = 0; back < 20; back++) {
					const received = new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);
					expect(received <= cutoff, `${received} ${today} ${days}`).toBe(
						contactOverdue({ status: 'new', receivedOn: received, contactedOn: null }, today, days)
					);
				}
			}
	});
	it('counts a day as the zone does (China time)', () => {
		expect(zoneDay('2026-12-01T17:00:00Z')).toBe('2026-12-02');
		expect(zoneDay('2026-12-01T15:59:59Z')).toBe('2026-12-01');
	});
	it('needs a reason for lost', () => {
		expect(enquiryActionSchema.safeParse({ action: 'move', version: 1, to: 'lost' }).success).toBe(false);
		expect(enquiryActionSchema.safeParse({ action: 'move', version: 1, to: 'lost', lostReason: 'price' }).success).toBe(true);
	});
});

describe('project moves and warnings', () => {
	const p = {
		stage: 'negotiation' as const,
		leadAt: '2026-01-10',
		negotiationAt: '2026-02-01',
		signedAt: null,
		startedAt: null,
		productionAt: null,
		feedbackAt: null
	};
	it('dates the move and any stage skipped; never back, never before a stage reached', () => {
		expect(moveDates(p, 'signed', '2026-03-01')).toEqual({ stage: 'signed', signedAt: '2026-03-01' });
		expect(moveDates(p, 'construction', '2026-03-01')).toEqual({ stage: 'construction', signedAt: '2026-03-01', startedAt: '2026-03-01' });
		expect(moveDates(p, 'lead', '2026-03-01')).toBeNull();
		expect(moveDates(p, 'signed', '2026-01-31')).toBeNull();
	});
	const rules = { signedNotStartedDays: 180, stalledWeeks: 4 };
	it('warns when signed and not started after N days — on the day after, not on the day', () => {
		const signed = { stage: 'signed' as const, signedAt: '2026-01-01', startedAt: null, lastUpdateOn: null, problems: [] };
		expect(projectWarnings(signed, '2026-06-30', rules)).toEqual([]); // day 180
		expect(projectWarnings(signed, '2026-07-01', rules)).toEqual(['not_started']);
	});
	it('warns when under construction with no weekly update for N weeks', () => {
		const c = { stage: 'construction' as const, signedAt: '2026-01-01', startedAt: '2026-03-02', lastUpdateOn: '2026-10-05', problems: [] };
		expect(projectWarnings(c, '2026-11-02', rules)).toEqual([]);
		expect(projectWarnings(c, '2026-11-03', rules)).toEqual(['stalled']);
		expect(projectWarnings({ ...c, lastUpdateOn: null }, '2026-04-01', rules)).toEqual(['stalled']);
	});
	it('warns of a problem past its due date until it is solved', () => {
		const c = { stage: 'signed' as const, signedAt: '2026-11-01', startedAt: null, lastUpdateOn: null, problems: [{ dueOn: '2026-11-30', resolvedOn: null }] };
		expect(projectWarnings(c, '2026-11-30', rules)).toEqual([]);
		expect(projectWarnings(c, '2026-12-01', rules)).toEqual(['problem_overdue']);
		expect(projectWarnings({ ...c, problems: [{ dueOn: '2026-11-30', resolvedOn: '2026-12-01' }] }, '2026-12-05', rules)).toEqual([]);
	});
	it('files weekly updates by the Monday', () => {
		expect(mondayOf('2026-12-02')).toBe('2026-11-30');
		expect(mondayOf('2026-11-30')).toBe('2026-11-30');
		expect(mondayOf('2026-12-06')).toBe('2026-11-30');
	});
});

describe('the rates', () => {
	const make = (n: number, f: (i: number) => Partial<RateProject>): RateProject[] =>
		Array.from({ length: n }, (_, i) => ({
			signedAt: '2026-02-01',
			startedAt: null,
			productionAt: null,
			investmentWan: 1000,
			fundsInPlaceWan: 0,
			foreignCapitalUsd: 0,
			...f(i)
		}));
	it('counts 履约率 of 25 signed with 18 started as 72 %', () => {
		const projects = make(25, (i) => ({
			startedAt: i < 18 ? '2026-03-01' : null,
			productionAt: i < 4 ? '2026-09-01' : null,
			fundsInPlaceWan: i < 18 ? 500 : 0
		}));
		const r = cohortRates(projects, 2026, '2026-12-02', { signedNotStartedDays: 180 });
		expect(r).toMatchObject({ signed: 25, started: 18, inProduction: 4, investmentWan: 25_000, fundsInPlaceWan: 9_000 });
		expect(r.performanceRate).toBeCloseTo(0.72, 12);
		expect(r.productionRate).toBeCloseTo(0.16, 12);
		expect(r.fundsRate).toBeCloseTo(0.36, 12);
		// All 25 windows have ended (signed 1 Feb + 180 days < 2 Dec), 18 started within them.
		expect(r.startRate).toBeCloseTo(0.72, 12);
	});
	it('leaves other years out, counts only dates passed, and has no rate without projects', () => {
		const r = cohortRates([...make(2, () => ({ signedAt: '2025-05-01' })), ...make(1, () => ({ signedAt: '2026-12-31' }))], 2026, '2026-12-02', {
			signedNotStartedDays: 180
		});
		expect(r.signed).toBe(0);
		expect(r.performanceRate).toBeNull();
	});
	it('goes month by month, cumulatively, up to this month', () => {
		const projects = make(3, (i) => ({ signedAt: `2026-0${i + 1}-10`, startedAt: i === 0 ? '2026-02-20' : null }));
		expect(ratesByMonth(projects, 2026, '2026-03-15')).toEqual([
			{ month: '2026-01', signed: 1, started: 0, production: 0 },
			{ month: '2026-02', signed: 2, started: 1, production: 0 },
			{ month: '2026-03', signed: 3, started: 1, production: 0 }
		]);
	});
});

describe('chain gaps', () => {
	it('no firm: fill; one small firm: strengthen; a big one or two firms: covered', () => {
		expect(linkGap([])).toBe('missing');
		expect(linkGap([{ employees: 45, outputBand: 'lt_10m' }])).toBe('weak');
		expect(linkGap([{ employees: null, outputBand: null }])).toBe('weak');
		expect(linkGap([{ employees: 800, outputBand: '100m_1b' }])).toBeNull();
		expect(
			linkGap([
				{ employees: 20, outputBand: 'lt_10m' },
				{ employees: 30, outputBand: 'lt_10m' }
			])
		).toBeNull();
	});
});

describe('demand counts', () => {
	it('bands the area asked for in 亩 and snaps the area of interest to a 0.02° cell', () => {
		expect(areaBandOf({ areaMin: 31, areaUnit: 'mu' })).toBe('30_100');
		expect(areaBandOf({ areaMin: 2, areaUnit: 'ha' })).toBe('30_100');
		expect(areaBandOf({ areaMax: 5000, areaUnit: 'm2' })).toBe('lt_10');
		expect(areaBandOf({ areaUnit: 'mu' })).toBe('');
		expect(cellOf({ circle: { lon: 118.567, lat: 37.452, radiusKm: 5 } })).toBe('118.570,37.450');
		expect(cellOf({ bbox: [118.5, 37.4, 118.6, 37.5] })).toBe('118.550,37.450');
		expect(cellOf({})).toBe('');
	});
	it('counts only searches that ask for something, on their first page', () => {
		expect(hasIntent(DEFAULT_QUERY)).toBe(false);
		expect(hasIntent({ ...DEFAULT_QUERY, industry: 'new_materials' })).toBe(true);
		expect(hasIntent({ ...DEFAULT_QUERY, industry: 'new_materials', page: 2 })).toBe(false);
	});
});

describe('proposal input', () => {
	it('takes 1–8 distinct published-looking sites and a 6-character code of the unambiguous alphabet', () => {
		const base = { title: 'T', sites: [{ kind: 'plot', code: 'A-1' }] };
		expect(proposalSchema.safeParse(base).success).toBe(true);
		expect(proposalSchema.safeParse({ ...base, sites: [] }).success).toBe(false);
		expect(proposalSchema.safeParse({ ...base, sites: [...base.sites, ...base.sites] }).success).toBe(false);
		expect(accessCodeSchema.safeParse(' k7mq2x ').data).toBe('K7MQ2X');
		expect(accessCodeSchema.safeParse('K7MQ2O').success).toBe(false); // O is not in the alphabet
	});
});
