import { en, zh, type MessageKey } from './messages';
import { COUNT_PARAMS, enPlurals, type PluralForms } from './plurals';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
/** Cookie that remembers the visitor's language choice. */
export const LOCALE_COOKIE = 'lang';

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en };
const plurals: Record<Locale, Partial<Record<MessageKey, PluralForms>>> = { 'zh-CN': {}, en: enPlurals };
const pluralRules = new Map<Locale, Intl.PluralRules>();

/** The plural category of a count in a locale ("one", "other", …). */
export function pluralCategory(locale: Locale, n: number): Intl.LDMLPluralRule {
	let rules = pluralRules.get(locale);
	if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
	return rules.select(n);
}

export type { MessageKey };

export function isLocale(value: unknown): value is Locale {
	return value === 'zh-CN' || value === 'en';
}

/**
 * Picks the locale: the visitor's explicit choice (the switch, remembered in a cookie),
 * else zh-CN. The portal is the zone's own publication, so Chinese is the default for
 * everyone and English is one click away.
 */
export function pickLocale(choice: string | null | undefined): Locale {
	if (isLocale(choice)) return choice;
	if (choice === 'zh') return 'zh-CN';
	return DEFAULT_LOCALE;
}

/** Whether a string is a message key (a field's problem from the server may be a plain code such as `invalid`). */
export const isMessageKey = (key: string): key is MessageKey => key in zh;

/** Translates a key, filling `{name}` placeholders from params. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
	let text = catalogs[locale][key] ?? zh[key] ?? key;
	const forms = plurals[locale][key];
	if (forms && params) {
		const count = COUNT_PARAMS.map((p) => params[p]).find((v) => typeof v === 'number');
		const form = typeof count === 'number' ? forms[pluralCategory(locale, count)] : undefined;
		if (form) text = form;
	}
	if (params) for (const [k, v] of Object.entries(params)) text = text.replaceAll(`{${k}}`, String(v));
	return text;
}

/** A translator bound to one locale. */
export function translator(locale: Locale) {
	return (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
}

/** Label of a vocabulary value, e.g. vocabLabel('en', 'supply_status', 'available'). */
export function vocabLabel(locale: Locale, vocab: string, value: string): string {
	const key = `${vocab}.${value}` as MessageKey;
	return key in zh ? translate(locale, key) : value;
}

/** Number formatting for the locale. */
export function formatNumber(locale: Locale, value: number, decimals = 0): string {
	return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** The key for a count: `<key>_one` for exactly one where the catalog has it (English says "1 firm", not "1 firms"). */
export function countKey(key: MessageKey, n: number): MessageKey {
	const one = `${key}_one` as MessageKey;
	return n === 1 && one in zh ? one : key;
}
