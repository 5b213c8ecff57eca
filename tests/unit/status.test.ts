import { describe, expect, it } from 'vitest';
import { canTransition, isOnOffer, judgeIdleLand, SUPPLY_STATUS_COLORS } from '$lib/domain/status';
import { SUPPLY_STATUSES } from '$lib/domain/vocab';

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('supply status rules', () => {
	it('moves one step forward', () => {
		expect(canTransition('available', 'negotiating')).toBe(true);
		expect(canTransition('negotiating', 'signed')).toBe(true);
		expect(canTransition('under_construction', 'in_production')).toBe(true);
	});
	it('lets a deal fall through back to available', () => {
		expect(canTransition('negotiating', 'available')).toBe(true);
		expect(canTransition('signed', 'available')).toBe(true);
	});
	it('refuses jumps that skip the contract', () => {
		expect(canTransition('available', 'in_production')).toBe(false);
		expect(canTransition('reserve', 'signed')).toBe(false);
		expect(canTransition('in_production', 'available')).toBe(false);
	});
	it('treats staying put as allowed', () => {
		for (const s of SUPPLY_STATUSES) expect(canTransition(s, s)).toBe(true);
	});
	it('counts only reserve and available land as on offer', () => {
		expect(SUPPLY_STATUSES.filter(isOnOffer)).toEqual(['reserve', 'available']);
	});
	it('gives every status a distinct colour', () => {
		const colors = SUPPLY_STATUSES.map((s) => SUPPLY_STATUS_COLORS[s]);
		expect(new Set(colors).size).toBe(SUPPLY_STATUSES.length);
	});
});

describe('idle land rule (闲置土地认定)', () => {
	const base = { agreedStartDate: d('2024-03-01'), started: false, builtRatio: null, investedRatio: null, stoppedSince: null };

	it('is not idle within a year of the agreed start date', () => {
		expect(judgeIdleLand(base, d('2025-02-27')).idle).toBe(false);
	});
	it('is idle, with a fee, once a year has passed without a start', () => {
		const v = judgeIdleLand(base, d('2025-06-01'));
		expect(v).toMatchObject({ idle: true, reason: 'not_started', consequence: 'idle_fee' });
	});
	it('may be recovered two years after the agreed date', () => {
		expect(judgeIdleLand(base, d('2026-03-05'))).toMatchObject({ idle: true, consequence: 'recovery' });
	});
	it('is idle when under a third built and stopped for a year', () => {
		const v = judgeIdleLand({ ...base, started: true, builtRatio: 0.2, investedRatio: 0.5, stoppedSince: d('2024-01-01') }, d('2025-02-01'));
		expect(v).toMatchObject({ idle: true, reason: 'stalled' });
	});
	it('is idle when under 25% invested even if a third is built', () => {
		const v = judgeIdleLand({ ...base, started: true, builtRatio: 0.5, investedRatio: 0.2, stoppedSince: d('2024-01-01') }, d('2025-02-01'));
		expect(v.idle).toBe(true);
	});
	it('is not idle when enough is built and invested, even if stopped', () => {
		const v = judgeIdleLand({ ...base, started: true, builtRatio: 0.5, investedRatio: 0.5, stoppedSince: d('2023-01-01') }, d('2025-02-01'));
		expect(v.idle).toBe(false);
	});
	it('is not idle while a stalled site has been stopped for under a year', () => {
		const v = judgeIdleLand({ ...base, started: true, builtRatio: 0.1, investedRatio: 0.1, stoppedSince: d('2024-06-01') }, d('2025-02-01'));
		expect(v.idle).toBe(false);
	});
});
