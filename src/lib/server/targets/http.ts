/** The targets endpoints' HTTP side: the year of an address (this year when absent). */
import { EditValidationError } from '../editing/errors';

export function targetYearParam(raw: string | null): number {
	if (raw === null || raw === '') return new Date().getFullYear();
	const y = Number(raw);
	if (!Number.isInteger(y) || y < 2000 || y > 2100)
		throw new EditValidationError(`year must be a year between 2000 and 2100, not "${raw.slice(0, 12)}".`, { year: 'form.invalid' });
	return y;
}
