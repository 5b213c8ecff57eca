import { describe, expect, it } from 'vitest';
import { canTransition, isOnOffer, SUPPLY_STATUS_COLORS } from '$lib/domain/status';
import { SUPPLY_STATUSES } from '$lib/domain/vocab';

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
