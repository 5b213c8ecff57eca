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
		// Every number in a reason is written as the reader writes it, with thousands separated.
		expect(formatReason('en', { key: 'vacant', ok: true, params: { value: 2394, min: 2000 } } as never)).toBe('2,394 m² vacant (≥ 2,000 required) ✓');
		expect(formatReason('zh-CN', { key: 'area', ok: true, params: { value: 1234.5, unit: 'mu', min: 30 } } as never)).toBe('1,234.5 亩（要求 ≥ 30 亩） ✓');
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

describe('fields in history, conflicts and refusals', () => {
	it('tells a change in words, with labels and units, never with field names', async () => {
		const { describeChange } = await import('../../src/lib/i18n/fields');
		expect(describeChange('zh-CN', 'supplyStatus', 'available', 'negotiating')).toBe('供应状态：可供应 → 洽谈中');
		expect(describeChange('en', 'supplyStatus', 'available', 'negotiating')).toBe('Supply status: Available → Negotiating');
		expect(describeChange('zh-CN', 'priceWanPerMu', 25.9, null)).toBe('参考价格：25.9 万元/亩 → —');
		expect(describeChange('en', 'priceWanPerMu', 25.9, 30)).toBe('Reference price: CNY 259,000/mu → CNY 300,000/mu');
		expect(describeChange('zh-CN', 'readinessItems', ['road'], ['road', 'power'])).toBe('九通一平：通路 → 通路、通电');
		expect(describeChange('en', 'published', false, true)).toBe('Published: No → Yes');
		expect(describeChange('zh-CN', 'boundary', {}, {})).toBe('地块边界已重新绘制');
		expect(describeChange('en', 'plotRatioMin', 1, 1.5)).toBe('Plot ratio, lowest: 1.0 → 1.5');
	});
	it('has a label for every editable field of a plot and a building', async () => {
		const { fieldLabel } = await import('../../src/lib/i18n/fields');
		const { PLOT_EDIT_FIELDS } = await import('../../src/lib/domain/edit-schemas');
		const building = ['nameZh', 'nameEn', 'kind', 'floors', 'grossAreaM2', 'leasableAreaM2', 'rentYuanPerM2Day', 'ownerName', 'operatorName'];
		const more = ['businessFormats', 'taxTier', 'annualTaxWan', 'managerName', 'managerPhone', 'published', 'retiredAt', 'footprint', 'boundary'];
		for (const locale of ['zh-CN', 'en'] as const) for (const f of [...PLOT_EDIT_FIELDS, ...building, ...more]) expect(fieldLabel(locale, f), f).not.toBe(f);
	});
	it('renders a refused query in the reader’s language from its code', async () => {
		const { problemText } = await import('../../src/lib/i18n/problems');
		const { parseFinderQuery } = await import('../../src/lib/domain/finder');
		const [e] = parseFinderQuery(new URLSearchParams('areaMin=abc')).errors;
		expect(problemText('zh-CN', e)).toBe('最小面积：请输入数字（收到“abc”）');
		expect(problemText('en', e)).toBe('Minimum area: enter a number (got “abc”)');
		const [far] = parseFinderQuery(new URLSearchParams('near=highway_exit&withinKm=900')).errors;
		expect(problemText('zh-CN', far)).toMatch(/^距离：应在 0 到 \d+ 之间（收到 900）$/);
		expect(problemText('zh-CN', { field: 'contactEmail', code: 'form.email' })).toBe('电子邮箱：邮箱格式不正确');
	});
});

describe('the glossary', () => {
	it('is followed by every English string: no spelling it says to avoid', async () => {
		const { GLOSSARY } = await import('../../src/lib/i18n/glossary');
		const hits: string[] = [];
		for (const g of GLOSSARY)
			for (const re of g.avoid) for (const [k, text] of Object.entries(en)) if (re.test(text)) hits.push(`${k} uses ${re} for ${g.en}: ${text}`);
		expect(hits).toEqual([]);
	});
	it('writes money in yuan for English readers and in 万元 or 亿元 for Chinese ones', async () => {
		const { formatWan } = await import('../../src/lib/i18n/format');
		expect(formatWan('zh-CN', 12.5)).toBe('12.5 万元');
		expect(formatWan('zh-CN', 125_000)).toBe('12.50 亿元');
		expect(formatWan('en', 12.5)).toBe('CNY 125,000');
		expect(formatWan('en', 125_000)).toBe('CNY 1.25 billion');
	});
});
