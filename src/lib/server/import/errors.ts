/**
 * A file that cannot be imported at all (broken zip, missing `.dbf`, unknown CRS, too large):
 * one message key with its values, translated in the console, and an English sentence for
 * the command line and API clients. Problems of single features are not errors: they are
 * listed in the report.
 */
import { translate, type MessageKey } from '../../i18n';
import type { ImportReport } from '../../domain/import/report';

export type Params = Record<string, string | number>;

/** The English sentence of a message key (the command line's and the API's language). */
export const english = (key: MessageKey, params: Params = {}): string => translate('en', key, params);

export class ImportFileError extends Error {
	constructor(
		readonly key: MessageKey,
		readonly params: Params = {},
		/** 413 for size limits, 409 for an undo that would lose later edits, 400 otherwise. */
		readonly status: 400 | 409 | 413 = 400
	) {
		super(english(key, params));
	}
}
/** A commit refused because features have problems; carries the report that lists them. */
export class ImportRefused extends Error {
	constructor(readonly report: ImportReport) {
		super(`${report.counts.withProblems} of ${report.counts.features} features have problems; fix them, or commit with "skip problems" to leave them out.`);
	}
}
