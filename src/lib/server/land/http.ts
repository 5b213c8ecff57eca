/** The boards' addresses: filters read from the query string, refused with a 400 when they make no sense. */
import { EditValidationError } from '../editing/errors';
import { targetYearParam } from '../targets/http';
import { CASE_KINDS, CASE_STAGES, type CaseKind, type CaseStage } from '../../domain/idle-cases';
import { BUILDING_KINDS, TAX_TIERS, type BuildingKind, type TaxTier } from '../../domain/vocab';
import type { BoardFilters } from './board';
import { ECONOMY_SORTS, type EconomyFilters, type EconomySort } from '../economy';

function oneOf<T extends string>(url: URL, name: string, values: readonly T[]): T | null {
	const v = url.searchParams.get(name);
	if (v === null || v === '') return null;
	if (!(values as readonly string[]).includes(v)) throw new EditValidationError(`${name} must be one of ${values.join(', ')}.`, { [name]: 'form.invalid' });
	return v as T;
}

function pageOf(url: URL): number {
	const raw = url.searchParams.get('page');
	if (raw === null || raw === '') return 1;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new EditValidationError('page must be a whole number from 1.', { page: 'form.invalid' });
	return n;
}

const codeOf = (url: URL, name: string) => {
	const v = url.searchParams.get(name);
	if (v === null || v === '') return null;
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(v)) throw new EditValidationError(`${name} is not a code.`, { [name]: 'form.invalid' });
	return v;
};

const textOf = (url: URL, name: string) => (url.searchParams.get(name) ?? '').slice(0, 100);

export function boardFilters(url: URL): BoardFilters {
	return {
		year: targetYearParam(url.searchParams.get('year')),
		park: codeOf(url, 'park'),
		stage: oneOf<CaseStage | 'open'>(url, 'stage', [...CASE_STAGES, 'open']),
		kind: oneOf<CaseKind>(url, 'kind', CASE_KINDS),
		due: oneOf(url, 'due', ['overdue', 'soon'] as const),
		q: textOf(url, 'q'),
		page: pageOf(url)
	};
}

export function economyFilters(url: URL): EconomyFilters {
	return {
		park: codeOf(url, 'park'),
		kind: oneOf<BuildingKind>(url, 'kind', BUILDING_KINDS),
		tier: oneOf<TaxTier>(url, 'tier', TAX_TIERS),
		q: textOf(url, 'q'),
		highVacancy: url.searchParams.get('flag') === 'vacancy',
		sort: oneOf<EconomySort>(url, 'sort', ECONOMY_SORTS) ?? 'gross',
		dir: oneOf(url, 'dir', ['asc', 'desc'] as const) ?? 'desc',
		page: pageOf(url)
	};
}

/** A case id from the address. */
export function caseIdOf(raw: string): number {
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1 || n > 2 ** 31 - 1) throw new EditValidationError(`"${raw.slice(0, 12)}" is not a case number.`, { id: 'form.invalid' });
	return n;
}
