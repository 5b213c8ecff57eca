/**
 * One surveyed value made into a field's value, or the reason it cannot be: numbers written
 * with thousands separators or units, ratios as `35%` or `0.35`, plot-ratio ranges such as
 * `1.0-2.5` or `≤2.0`, dates as `2026/3/1`, yes/no in Chinese, and vocabulary words.
 */
import { hasForbiddenChars } from '../input';
import { landUseOf } from './land-use';
import type { TargetField } from './targets';

export type FieldValue = string | number | boolean | { min: number | null; max: number | null } | null;
export type Converted =
	| { value: FieldValue }
	| { problem: 'import.value_number' | 'import.value_date' | 'import.value_word' | 'import.value_text' | 'import.value_range' | 'import.value_bounds' };

/** Whether a number keeps the field's bounds. */
function inBounds(field: TargetField, n: number): boolean {
	if (field.min !== undefined && n < field.min) return false;
	if (field.max !== undefined && n > field.max) return false;
	if (field.gt !== undefined && !(n > field.gt)) return false;
	return !(field.nonZero && n === 0);
}

/** Area units an area column can be in, as m² per unit. */
export const AREA_UNITS = { m2: 1, ha: 10_000, mu: 10_000 / 15 } as const;
export type AreaUnit = keyof typeof AREA_UNITS;

const isEmpty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A number from `1,234.5`, `1 234,5` is not guessed: only `,` as thousands separator and a unit suffix. */
export function numberOf(v: unknown): number | null {
	if (typeof v === 'number') return Number.isFinite(v) ? v : null;
	if (typeof v !== 'string') return null;
	const s = v
		.trim()
		.replace(/(?<=\d),(?=\d{3}\b)/g, '')
		.replace(/\s*(m2|m²|平方米|㎡|公顷|ha|亩|mu|万元\/亩|元\/m2·天|米|m|年|%)$/i, '');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
	const n = Number(s);
	return Number.isFinite(n) ? n : null;
}

function dateOf(v: unknown): string | null {
	if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
	const s = String(v).trim();
	const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900 || y > 2199) return null;
	return date.toISOString().slice(0, 10);
}

function rangeOf(v: unknown): { min: number | null; max: number | null } | null {
	if (typeof v === 'number') return Number.isFinite(v) ? { min: null, max: v } : null;
	const s = String(v).trim().replace(/\s+/g, '');
	let m = /^(?:≤|<=|<|不大于|不高于|小于等于)([\d.]+)$/.exec(s);
	if (m) return { min: null, max: Number(m[1]) };
	m = /^(?:≥|>=|>|不小于|不低于|大于等于)([\d.]+)$/.exec(s);
	if (m) return { min: Number(m[1]), max: null };
	m = /^([\d.]+)(?:-|~|～|—|至|到)([\d.]+)$/.exec(s);
	if (m) {
		const [a, b] = [Number(m[1]), Number(m[2])];
		return Number.isFinite(a) && Number.isFinite(b) && a <= b ? { min: a, max: b } : null;
	}
	const n = numberOf(s);
	return n === null ? null : { min: null, max: n };
}

function booleanOf(v: unknown): boolean | null {
	if (typeof v === 'boolean') return v;
	const s = String(v).trim().toLowerCase();
	if (/^(是|有|1|y|yes|true|t|单行|单向)$/.test(s)) return true;
	if (/^(否|无|0|n|no|false|f|双向|双行)$/.test(s)) return false;
	return null;
}

/** The value of one field from one cell (the file's value, or the mapping's fallback when empty). */
export function convertValue(field: TargetField, raw: unknown, areaUnit: AreaUnit = 'm2'): Converted {
	if (isEmpty(raw)) return { value: null };
	switch (field.kind) {
		case 'text': {
			const s = (raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw)).trim();
			return hasForbiddenChars(s, true) || s.length > 2000 ? { problem: 'import.value_text' } : { value: s };
		}
		case 'number':
		case 'integer':
		case 'year': {
			const n = numberOf(raw);
			if (n === null) return { problem: 'import.value_number' };
			if (field.kind !== 'number' && !Number.isInteger(n)) return { problem: 'import.value_number' };
			if (field.kind === 'year' && (n < 1900 || n > 2199)) return { problem: 'import.value_number' };
			return inBounds(field, n) ? { value: n } : { problem: 'import.value_bounds' };
		}
		case 'area': {
			const n = numberOf(raw);
			return n === null || n <= 0 ? { problem: 'import.value_number' } : { value: n * AREA_UNITS[areaUnit] };
		}
		case 'ratio': {
			const n = numberOf(raw);
			if (n === null || n < 0) return { problem: 'import.value_number' };
			const ratio = String(raw).trim().endsWith('%') || n > 1 ? n / 100 : n;
			return ratio > 1 ? { problem: 'import.value_number' } : { value: ratio };
		}
		case 'range': {
			const r = rangeOf(raw);
			if (!r) return { problem: 'import.value_range' };
			return [r.min, r.max].every((n) => n === null || inBounds(field, n)) ? { value: r } : { problem: 'import.value_bounds' };
		}
		case 'date': {
			const d = dateOf(raw);
			return d ? { value: d } : { problem: 'import.value_date' };
		}
		case 'boolean': {
			const b = booleanOf(raw);
			return b === null ? { problem: 'import.value_word' } : { value: b };
		}
		case 'land_use': {
			const u = landUseOf(raw);
			return u ? { value: u } : { problem: 'import.value_word' };
		}
		case 'enum': {
			const s = String(raw).trim();
			if (field.vocab?.includes(s)) return { value: s };
			for (const [value, re] of Object.entries(field.words ?? {})) if (re.test(s)) return { value };
			return { problem: 'import.value_word' };
		}
	}
}

/** The unit an area column is in, from its name (公顷/ha, 亩/mu), or null when the name does not say. */
export function areaUnitOfName(column: string): AreaUnit | null {
	if (/公顷|hectare|(^|[^a-z])ha([^a-z]|$)/i.test(column)) return 'ha';
	if (/亩|(^|[^a-z])mu([^a-z]|$)/i.test(column)) return 'mu';
	if (/m2|m²|平方米|㎡|sqm/i.test(column)) return 'm2';
	return null;
}

/** The unit whose reading of the values comes closest to the measured areas (median ratio). */
export function areaUnitByValues(pairs: { value: number; measuredM2: number }[]): AreaUnit | null {
	const ratios = pairs.filter((p) => p.value > 0 && p.measuredM2 > 0).map((p) => p.measuredM2 / p.value);
	if (!ratios.length) return null;
	ratios.sort((a, b) => a - b);
	const median = ratios[Math.floor(ratios.length / 2)];
	let best: AreaUnit = 'm2';
	for (const unit of Object.keys(AREA_UNITS) as AreaUnit[]) {
		if (Math.abs(Math.log(median / AREA_UNITS[unit])) < Math.abs(Math.log(median / AREA_UNITS[best]))) best = unit;
	}
	return best;
}
