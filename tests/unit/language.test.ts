import { describe, expect, it } from 'vitest';
import { translate, pluralCategory } from '../../src/lib/i18n';
import { en } from '../../src/lib/i18n/messages';
import { enPlurals } from '../../src/lib/i18n/plurals';
import { formatConfirmed, formatPrice } from '../../src/lib/i18n/format';
import { formatReason } from '../../src/lib/i18n/reasons';
import { heatBands, heatClass } from '../../src/lib/map/heat-scale';

describe('plurals', () => {
	it('says "1 result", "1 site was", "1 entry" in English and counts the rest', () => {
		expect(translate('en', 'finder.results', { n: 1 })).toBe('1 result');
		expect(translate('en', 'finder.results', { n: 2 })).toBe('2 results, best match first');
		expect(translate('en', 'tour.missing_sites', { n: 1 })).toBe('1 site was not found or is unpublished and was left out.');
		expect(translate('en', 'audit.count', { n: 1 })).toBe('1 entry');
		expect(translate('en', 'audit.count', { n: 0 })).toBe('0 entries');
		expect(formatConfirmed('en', new Date(Date.now() - 86400_000 - 1000).toISOString()).text).toBe('Confirmed yesterday');
		expect(translate('zh-CN', 'finder.results', { n: 1 })).toBe('共 1 个结果，按匹配度排序');
		expect(pluralCategory('zh-CN', 1)).toBe('other');
	});
	it('has a singular form for every English message that counts a plural noun', () => {
		const missing = Object.entries(en)
			.filter(([, text]) => /\{(n|days)\} (?!is\b|m\b|km\b|mu\b)[a-z]+s\b/.test(text))
			.filter(([key]) => !(key in enPlurals) && !(`${key}_one` in en))
			.map(([key, text]) => `${key}: ${text}`);
		expect(missing).toEqual([]);
	});
});

describe('numbers and units', () => {
	it('writes a land price in 万元/亩 for Chinese and in yuan for English', () => {
		expect(formatPrice('zh-CN', 25.9)).toBe('25.9 万元/亩');
		expect(formatPrice('en', 25.9)).toBe('CNY 259,000/mu');
		expect(formatReason('en', { key: 'price', ok: true, params: { value: 25.9, max: 30 } } as never)).toBe('CNY 259,000/mu (≤ CNY 300,000/mu) ✓');
	});
	it('has no half-width brackets around Chinese text and no English words in the Chinese catalog', async () => {
		const { zh } = await import('../../src/lib/i18n/messages');
		const bad = Object.entries(zh).filter(([, t]) => /\([^()]*[\u4e00-\u9fff][^()]*\)/.test(t) || /[\u4e00-\u9fff] — [A-Z]/.test(t));
		expect(bad).toEqual([]);
	});
});

describe('heat legend', () => {
	it('never shows the same band twice, however the breaks fall', () => {
		const bands = heatBands([1.9, 1.9, 1.94, 2.6], 1.86, 3, 'match');
		const labels = bands.map((b) => `${b.from}–${b.to}`);
		expect(new Set(labels).size).toBe(labels.length);
		for (const b of bands) expect(b.from).toBeLessThanOrEqual(b.to);
		expect(heatBands([1, 1, 1, 1], 1, 1, 'demand')).toEqual([{ index: 0, from: 1, to: 1 }]);
	});
	it('gives each band the colour of the values it covers', () => {
		const breaks = [10, 20, 30, 40];
		for (const b of heatBands(breaks, 2, 55, 'mu')) expect(heatClass(b.to, breaks)).toBe(b.index);
	});
});
