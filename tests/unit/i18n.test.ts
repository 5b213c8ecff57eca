import { describe, expect, it } from 'vitest';
import { pickLocale, translate, vocabLabel } from '$lib/i18n';
import { en, zh } from '$lib/i18n/messages';
import * as vocab from '$lib/domain/vocab';
import { formatArea, formatConfirmed } from '$lib/i18n/format';

const VOCABS: Record<string, readonly string[]> = {
	park_kind: vocab.PARK_KINDS,
	land_use: vocab.LAND_USES,
	supply_status: vocab.SUPPLY_STATUSES,
	readiness: vocab.READINESS_LEVELS,
	readiness_item: vocab.READINESS_ITEMS,
	disposal_method: vocab.DISPOSAL_METHODS,
	building_kind: vocab.BUILDING_KINDS,
	tax_tier: vocab.TAX_TIERS,
	unit_status: vocab.UNIT_STATUSES,
	facility_kind: vocab.FACILITY_KINDS,
	road_class: vocab.ROAD_CLASSES,
	project_stage: vocab.PROJECT_STAGES
};

describe('messages', () => {
	it('has an English string for every Chinese one', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
		for (const [k, v] of Object.entries(en)) expect(v, k).not.toBe('');
	});
	it('labels every vocabulary value in both languages', () => {
		for (const [name, values] of Object.entries(VOCABS)) {
			for (const value of values) {
				expect(`${name}.${value}` in zh, `${name}.${value}`).toBe(true);
				expect(vocabLabel('en', name, value), `${name}.${value}`).not.toBe(value);
			}
		}
	});
	it('fills placeholders', () => {
		expect(translate('en', 'age.days', { n: 12 })).toBe('Confirmed 12 days ago');
		expect(translate('zh-CN', 'age.days', { n: 12 })).toBe('12 天前确认');
	});
	it('defaults to Chinese and honours an explicit choice', () => {
		expect(pickLocale(undefined)).toBe('zh-CN');
		expect(pickLocale('fr')).toBe('zh-CN');
		expect(pickLocale('en')).toBe('en');
		expect(pickLocale('zh')).toBe('zh-CN');
	});
});

describe('formatting', () => {
	it('shows areas in 亩, hectares or m²', () => {
		expect(formatArea('zh-CN', 21_667, 'mu')).toBe('32.5 亩');
		expect(formatArea('en', 21_667, 'm2')).toBe('21,667 m²');
		expect(formatArea('en', 21_667, 'ha')).toBe('2.17 ha');
	});
	it('marks records unconfirmed for 90 days as stale', () => {
		const now = new Date('2026-11-22T12:00:00Z');
		expect(formatConfirmed('en', '2026-11-10T12:00:00Z', 90, now)).toEqual({ text: 'Confirmed 12 days ago', stale: false });
		expect(formatConfirmed('en', '2026-08-01T12:00:00Z', 90, now).stale).toBe(true);
	});
});
