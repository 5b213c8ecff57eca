/**
 * The one input layer for text and dates: every form and API schema builds its text and
 * date fields from these, so nothing PostgreSQL cannot store (a NUL byte) or a person
 * cannot read (other control characters) and no date that does not exist (2026-02-30,
 * 9999-99-99) gets past validation. Messages are i18n keys (`form.*`).
 */
import { z } from 'zod';

/**
 * C0 controls and DEL, except tab, line feed and carriage return, which multi-line text may
 * hold; plus the Unicode line/paragraph separators and lone surrogates (not valid UTF-8).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_OR_BREAK = /[\t\n\r]/;

/** Whether a string holds characters no field accepts (single-line fields also refuse tab and line breaks). */
export function hasForbiddenChars(s: string, multiline = false): boolean {
	return CONTROL.test(s) || (!multiline && CONTROL_OR_BREAK.test(s));
}

/** Earliest and latest years a date field accepts: land records, contracts and tours live well inside. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Whether `YYYY-MM-DD` names a day that exists (leap years included) between MIN_YEAR and MAX_YEAR. */
export function isRealDate(s: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1) return false;
	const t = new Date(Date.UTC(y, mo - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Whether an ISO 8601 timestamp (as `z.iso.datetime` accepts) names a real instant in range. */
export function isRealDateTime(s: string): boolean {
	return isRealDate(s.slice(0, 10)) && !Number.isNaN(Date.parse(s));
}

interface TextOptions {
	/** Line breaks and tabs allowed (notes, messages). */
	multiline?: boolean;
}

/** A trimmed text field of at most `max` characters; may be empty. */
export const text = (max: number, opts: TextOptions = {}) =>
	z
		.string({ message: 'form.invalid' })
		.refine((s) => !hasForbiddenChars(s, opts.multiline), { message: 'form.control_chars' })
		.transform((s) => s.trim())
		.pipe(z.string().max(max, { message: 'form.too_long' }));

/** A text field that must not be empty once trimmed. */
export const requiredText = (max: number, opts: TextOptions = {}) => text(max, opts).pipe(z.string().min(1, { message: 'form.required' }));

/** An optional text field: absent, or empty once trimmed, becomes undefined. */
export const optionalText = (max: number, opts: TextOptions = {}) =>
	text(max, opts)
		.optional()
		.transform((v) => (v ? v : undefined));

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDate = () => z.string({ message: 'form.invalid_date' }).refine(isRealDate, { message: 'form.invalid_date' });

/** An ISO 8601 date and time with an offset (`2026-12-01T08:00:00Z`) that exists. */
export const isoDateTime = () => z.iso.datetime({ offset: true, message: 'form.invalid_date' }).refine(isRealDateTime, { message: 'form.invalid_date' });

/** A list's page in an address (1 when absent). */
export const pageParam = z.coerce
	.number({ message: 'form.invalid' })
	.int({ message: 'form.invalid' })
	.min(1, { message: 'form.invalid' })
	.max(100_000, { message: 'form.invalid' })
	.default(1);

/** A list's search box in an address. */
export const searchParam = z.string().max(100, { message: 'form.too_long' }).default('');

/** A record's number in an address. */
export const idParam = z.coerce
	.number({ message: 'form.invalid' })
	.int({ message: 'form.invalid' })
	.min(1, { message: 'form.invalid' })
	.max(2 ** 31 - 1, { message: 'form.invalid' });
