/** Reading values from rows the same way from both drivers (postgres.js and PGlite). */

/** A nullable number (numeric and bigint columns may arrive as strings). */
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A timestamp as ISO text, whether the driver gave a Date or a string. */
export const iso = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v));

/** A date as YYYY-MM-DD. */
export const dateOnly = (v: unknown): string | null => {
	if (v === null || v === undefined) return null;
	if (v instanceof Date) return v.toISOString().slice(0, 10);
	return String(v).slice(0, 10);
};

/** A json column, parsed where a driver returned text. */
export const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** A PostgreSQL array column as a list, whether the driver parsed it or passed `{a,b}` text. */
export const pgArray = (v: unknown): string[] =>
	Array.isArray(v)
		? v.map(String)
		: String(v ?? '')
				.replace(/[{}]/g, '')
				.split(',')
				.filter(Boolean);
