/** Failures of a write, each mapping to one HTTP status with a message the console shows. */
export class NotFoundError extends Error {
	readonly status = 404;
}

/** The record changed since the editor loaded it: both versions go back so the editor can merge. */
export class ConflictError extends Error {
	readonly status = 409;
	constructor(readonly current: unknown) {
		super('Someone else saved this record after you opened it. Compare the two versions and save again.');
	}
}

export interface GeometryProblem {
	reason: string;
	/** Where the problem is, as GeoJSON, to draw on the map. */
	geometry: unknown | null;
}

/**
 * Input the write cannot store. `message` is English, for API clients and logs; `fields` maps
 * each field to a message key; `said`, when given, is the whole sentence as a message key and
 * its parameters, which the answer renders in the reader's language (else the first field's key).
 */
export class EditValidationError extends Error {
	readonly status = 400;
	constructor(
		message: string,
		readonly fields: Record<string, string> = {},
		readonly problems: GeometryProblem[] = [],
		readonly said?: { key: string; params?: Record<string, string | number> }
	) {
		super(message);
	}
}
