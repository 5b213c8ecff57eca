/**
 * What the server writes about a failure, without personal data: a database error is told
 * by its SQLSTATE, routine and constraint and where in our code it happened — never by its
 * message or the query's parameters, which carry what people typed (names, emails, notes).
 */
import { causes } from './db/outage';

interface PgErrorLike {
	code?: string;
	routine?: string;
	constraint_name?: string;
	severity?: string;
	severity_local?: string;
}

function databaseCause(e: unknown): PgErrorLike | null {
	for (const err of causes(e)) {
		const x = err as PgErrorLike;
		if (x.severity || x.severity_local || x.routine) return x;
	}
	return null;
}

/** Our own frames of a stack ("src/lib/server/…:42"), without node_modules and Node internals. */
function ownFrames(stack: string | undefined, max = 4): string {
	if (!stack) return '';
	const frames = stack
		.split('\n')
		.slice(1)
		.map((l) => l.trim())
		.filter((l) => l.startsWith('at ') && !l.includes('node_modules') && !l.includes('node:'));
	return frames.slice(0, max).join(' ← ');
}

/** One log line for an error, safe to keep: no parameters, no user input from the database. */
export function describeError(e: unknown): string {
	const db = databaseCause(e);
	const err = e as Error;
	if (db || /^Failed query/.test(err?.message ?? '')) {
		const parts = [
			`database error ${db?.code ?? ''}`.trim(),
			db?.routine && `in ${db.routine}`,
			db?.constraint_name && `constraint ${db.constraint_name}`
		].filter(Boolean);
		return `${parts.join(' ')}${ownFrames(err?.stack) ? ` at ${ownFrames(err?.stack)}` : ''}`;
	}
	if (err instanceof Error) return `${err.name}: ${err.message}${err.stack ? `\n${err.stack.split('\n').slice(1, 8).join('\n')}` : ''}`;
	return `non-error thrown: ${typeof e}`;
}
