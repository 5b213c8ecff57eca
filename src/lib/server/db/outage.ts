/**
 * Telling a database that is away from a query that is wrong. While PostgreSQL restarts,
 * is shut down or refuses connections, every request that needs it answers 503 with
 * Retry-After (see hooks.server.ts); the driver reconnects by itself when it is back.
 */

/** The database cannot be reached just now; the request may be retried. */
export class DatabaseUnavailableError extends Error {
	override name = 'DatabaseUnavailableError';
	readonly status = 503;
	constructor(readonly reason: string) {
		super(`The database is unavailable (${reason}).`);
	}
}

/** Network and driver codes of a lost or refused connection (postgres.js and Node). */
const CONNECTION_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT'
]);

/**
 * SQLSTATEs of a server that is going away or not ready: class 08 (connection exception),
 * admin/crash shutdown, "the database system is starting up", too many connections.
 */
const OUTAGE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** An error and the errors it wraps (drizzle wraps the driver's in `cause`), outermost first. */
export function* causes(e: unknown, depth = 4): Generator<unknown> {
	for (let err: unknown = e, i = 0; err && i < depth; err = (err as { cause?: unknown }).cause, i++) yield err;
}

function codeOf(e: unknown): string | undefined {
	const c = (e as { code?: unknown } | null)?.code;
	return typeof c === 'string' ? c : undefined;
}

/** Whether an error (or the error it wraps, as drizzle's query errors do) says the database is away. */
export function isDatabaseOutage(e: unknown): boolean {
	for (const err of causes(e)) {
		if (err instanceof DatabaseUnavailableError) return true;
		const code = codeOf(err);
		if (code && (CONNECTION_CODES.has(code) || OUTAGE_SQLSTATES.has(code) || /^08/.test(code))) return true;
	}
	return false;
}

/** The outage's code for the log line ("57P01", "ECONNREFUSED"). */
export function outageReason(e: unknown): string {
	for (const err of causes(e)) {
		const code = err instanceof DatabaseUnavailableError ? err.reason : codeOf(err);
		if (code) return code;
	}
	return 'connection lost';
}

/** Runs a database call, turning a lost connection into DatabaseUnavailableError. */
export async function guardOutage<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof DatabaseUnavailableError || !isDatabaseOutage(e)) throw e;
		throw new DatabaseUnavailableError(outageReason(e));
	}
}
