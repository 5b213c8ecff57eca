/**
 * A refused input as the reader reads it: the field by its label and the problem in words,
 * rendered from the problem's code and parameters in the reader's language. The server sends
 * the code (and an English sentence for API clients); pages and the server's own answers to a
 * browser render it here, so no English sentence reaches a Chinese page.
 */
import { isMessageKey, translate, type Locale, type MessageKey } from './index';
import { fieldLabel } from './fields';

export interface Problem {
	field: string;
	/** A problem code (`unknown`, `between`, …) or a message key (`form.required`, `geometry.*`, …). */
	code: string;
	params?: Record<string, string | number>;
	/** The English sentence, used when the code is not one this catalog knows. */
	message?: string;
}

/** "最小面积：请输入数字（收到“abc”）" / "Smallest area: enter a number (got “abc”)". */
export function problemText(locale: Locale, p: Problem): string {
	const field = fieldLabel(locale, p.field);
	const key = `problem.${p.code}`;
	if (isMessageKey(key)) return translate(locale, key, { field, ...p.params });
	if (isMessageKey(p.code)) return translate(locale, 'problem.field', { field, problem: translate(locale, p.code as MessageKey, p.params) });
	return p.message ?? translate(locale, 'problem.field', { field, problem: translate(locale, 'form.invalid') });
}

/** Several problems as one message. */
export function problemsText(locale: Locale, problems: Problem[]): string {
	return problems.map((p) => problemText(locale, p)).join(locale === 'zh-CN' ? '' : ' ');
}
