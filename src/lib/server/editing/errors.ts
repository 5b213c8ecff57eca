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

export class EditValidationError extends Error {
	readonly status = 400;
	constructor(
		message: string,
		readonly fields: Record<string, string> = {},
		readonly problems: GeometryProblem[] = []
	) {
		super(message);
	}
}
