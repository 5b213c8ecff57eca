/** The stages of an idle or low-efficiency land case, deadlines, and a park's progress towards its target. */
import { describe, expect, it } from 'vitest';
import { CASE_STAGES, disposedByMonth, isDueSoon, isOverdue, mapStage, nextStage, openActions, plannedByMonth, targetProgress } from '$lib/domain/idle-cases';

describe('idle land cases', () => {
	it('walks suspected → investigating → confirmed → disposing → disposed, and nowhere else', () => {
		expect(nextStage('suspected', 'investigate')).toBe('investigating');
		expect(nextStage('investigating', 'confirm')).toBe('confirmed');
		expect(nextStage('confirmed', 'dispose')).toBe('disposing');
		expect(nextStage('disposing', 'dispose')).toBe('disposing');
		expect(nextStage('disposing', 'complete')).toBe('disposed');
		expect(nextStage('suspected', 'confirm')).toBe('confirmed');
		expect(nextStage('suspected', 'complete')).toBeNull();
		expect(nextStage('confirmed', 'dismiss')).toBeNull();
		expect(nextStage('dismissed', 'investigate')).toBeNull();
		expect(nextStage('disposed', 'dispose')).toBeNull();
	});
	it('offers the actions open at each stage; closed cases offer none', () => {
		expect(Object.fromEntries(CASE_STAGES.map((s) => [s, openActions(s)]))).toEqual({
			suspected: ['investigate', 'confirm', 'dismiss'],
			investigating: ['confirm', 'dismiss'],
			confirmed: ['dispose'],
			dismissed: [],
			disposing: ['dispose', 'complete'],
			disposed: []
		});
	});
	it('colours the map by four stages; a dismissed case is not on it', () => {
		expect(CASE_STAGES.map(mapStage)).toEqual(['suspected', 'suspected', 'confirmed', null, 'disposing', 'disposed']);
	});
	it('knows overdue and due in the next 30 days', () => {
		const c = (deadline: string | null, stage: (typeof CASE_STAGES)[number] = 'disposing') => ({ stage, deadline });
		expect(isOverdue(c('2026-11-30'), '2026-12-01')).toBe(true);
		expect(isOverdue(c('2026-12-01'), '2026-12-01')).toBe(false);
		expect(isOverdue(c('2026-11-30', 'disposed'), '2026-12-01')).toBe(false);
		expect(isDueSoon(c('2026-12-31'), '2026-12-01')).toBe(true);
		expect(isDueSoon(c('2027-01-01'), '2026-12-01')).toBe(false);
		expect(isDueSoon(c('2026-11-30'), '2026-12-01')).toBe(false);
		expect(isDueSoon(c(null), '2026-12-01')).toBe(false);
	});
	it('counts completed cases of the year towards the target; open ones as in progress', () => {
		const mu = (m: number) => (m * 10000) / 15;
		const p = targetProgress(
			[
				{ stage: 'disposed', areaM2: mu(300), completedOn: '2026-05-10' },
				{ stage: 'disposed', areaM2: mu(100), completedOn: '2025-12-31' },
				{ stage: 'disposing', areaM2: mu(200), completedOn: null },
				{ stage: 'confirmed', areaM2: mu(50), completedOn: null },
				{ stage: 'suspected', areaM2: mu(999), completedOn: null }
			],
			870,
			2026
		);
		expect(p).toEqual({ targetMu: 870, disposedMu: 300, inProgressMu: 250, notStartedMu: 320, shareDone: 0.345 });
		expect(targetProgress([], null, 2026)).toMatchObject({ notStartedMu: null, shareDone: null });
	});
	it('draws the straight line to the target month by month', () => {
		expect(plannedByMonth(1200)).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200]);
	});
	it('adds up what was disposed of month by month, counting only that year, blank after today', () => {
		const m2 = (mu: number) => (mu * 10000) / 15;
		const cases = [
			{ stage: 'disposed' as const, areaM2: m2(30), completedOn: '2026-01-31' },
			{ stage: 'disposed' as const, areaM2: m2(20), completedOn: '2026-03-01' },
			{ stage: 'disposed' as const, areaM2: m2(99), completedOn: '2025-12-31' },
			{ stage: 'disposing' as const, areaM2: m2(50), completedOn: null }
		];
		expect(disposedByMonth(cases, 2026, '2026-04-15')).toEqual([30, 30, 50, 50, null, null, null, null, null, null, null, null]);
		expect(disposedByMonth(cases, 2025, '2026-04-15')[11]).toBe(99);
		expect(disposedByMonth(cases, 2027, '2026-04-15').every((v) => v === null)).toBe(true);
	});
});
