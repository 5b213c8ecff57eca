import type { Locale } from './index';

/**
 * The language of a data value (a firm's registered name, a business format typed by an
 * editor) when it differs from the page's: Chinese text on an English page is marked
 * `lang="zh-CN"`, so screen readers read it right and readers see it is the record's own.
 */
export function dataLang(locale: Locale, text: string | null | undefined): 'zh-CN' | undefined {
	return locale === 'en' && text && /[\u3400-\u9fff]/.test(text) ? 'zh-CN' : undefined;
}
