/** The taxonomy endpoints' HTTP side: the term kind of an address. */
import { TERM_KINDS, type TermKind } from '../../domain/admin-schemas';
import { isOneOf } from '../../domain/vocab';
import { NotFoundError } from '../editing/errors';

export function termKindParam(raw: string): TermKind {
	if (!isOneOf(TERM_KINDS, raw)) throw new NotFoundError(`No term kind "${raw.slice(0, 20)}": use industry, chain or link.`);
	return raw;
}
