import { fromM2, roundTo, type AreaUnit } from '../domain/units';
import { formatNumber, translate, type Locale } from './index';

/** "32.5 亩" / "32.5 mu", "21,667 ㎡", "2.17 公顷". */
export function formatArea(locale: Locale, areaM2: number, unit: AreaUnit = 'mu'): string {
	const value = fromM2(areaM2, unit);
	const decimals = unit === 'm2' ? 0 : Math.abs(value) < 10 ? 2 : 1;
	return `${formatNumber(locale, roundTo(value, decimals), decimals)} ${translate(locale, `unit.${unit}`)}`;
}

/**
 * A land price as each reader counts it: "25.9 万元/亩" in Chinese, "CNY 259,000/mu" in English
 * (an English reader does not count in units of ten thousand).
 */
export function formatPrice(locale: Locale, wanPerMu: number): string {
	if (locale === 'zh-CN') return `${formatNumber(locale, wanPerMu, 1)} 万元/亩`;
	return `CNY ${formatNumber(locale, Math.round(wanPerMu * 10) * 1000)}/mu`;
}

/**
 * An amount counted in 万元 as each reader counts money: "12.5 万元" (and "1.25 亿元" from 1 亿
 * up) in Chinese, "CNY 125,000" (and "CNY 12.5 million" from a million up) in English.
 */
export function formatWan(locale: Locale, wan: number, decimals = 1): string {
	if (locale === 'zh-CN') return Math.abs(wan) >= 10_000 ? `${formatNumber(locale, wan / 10_000, 2)} 亿元` : `${formatNumber(locale, wan, decimals)} 万元`;
	const yuan = wan * 10_000;
	if (Math.abs(yuan) >= 1_000_000_000) return `CNY ${formatNumber(locale, yuan / 1_000_000_000, 2)} billion`;
	if (Math.abs(yuan) >= 1_000_000) return `CNY ${formatNumber(locale, yuan / 1_000_000, 1)} million`;
	return `CNY ${formatNumber(locale, Math.round(yuan))}`;
}

export function formatPercent(locale: Locale, ratio: number, decimals = 0): string {
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: decimals, minimumFractionDigits: decimals }).format(ratio);
}

/** Whole days between an ISO timestamp and now. */
export function daysSince(iso: string, now: Date = new Date()): number {
	return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 86400_000));
}

/** "confirmed 12 days ago", or a staleness warning past the threshold. */
export function formatConfirmed(locale: Locale, iso: string, staleAfterDays = 90, now: Date = new Date()): { text: string; stale: boolean } {
	const n = daysSince(iso, now);
	if (n >= staleAfterDays) return { text: translate(locale, 'age.stale', { n }), stale: true };
	return { text: n === 0 ? translate(locale, 'age.today') : translate(locale, 'age.days', { n }), stale: false };
}

/** A driving time: "25 分钟" / "1 h 5 min". */
export function formatDuration(locale: Locale, seconds: number): string {
	const total = Math.round(seconds / 60);
	if (total < 60) return translate(locale, 'tour.min', { n: total });
	return translate(locale, 'tour.hours', { h: Math.floor(total / 60), m: total % 60 });
}

/** Kilometres with one decimal. */
export function formatKm(locale: Locale, metres: number): string {
	return formatNumber(locale, metres / 1000, 1);
}

/** A leg's label on the map and in lists: "3.2 公里 · 7 分钟". */
export function formatLeg(locale: Locale, leg: { distanceM: number; durationS: number }): string {
	return translate(locale, 'tour.leg', { km: formatKm(locale, leg.distanceM), min: Math.max(1, Math.round(leg.durationS / 60)) });
}

/** A moment as the zone reads it (China time), e.g. 2026/12/2 14:05 or 12/2/2026, 2:05 PM; the same on the server and in the browser. */
export function formatDateTime(locale: Locale, iso: string): string {
	return new Date(iso).toLocaleString(locale, {
		timeZone: 'Asia/Shanghai',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit'
	});
}

/** Foreign capital as each reader counts it: 万美元 in Chinese, millions of US dollars in English (the unit is `unit.wan_usd`). */
export function usdAmount(locale: Locale, usd: number): number {
	return locale === 'zh-CN' ? usd / 10_000 : usd / 1_000_000;
}

/** A label with its unit, punctuated for the language: "参考价格（万元/亩）", "Reference price (CNY 10,000/mu)". */
export function withUnit(locale: Locale, label: string, unit: string): string {
	return locale === 'zh-CN' ? `${label}（${unit}）` : `${label} (${unit})`;
}
