import { inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { openDatabase, openScratchDatabase, type Database } from '../../src/lib/server/db/client';

/** Which database the suite runs on: the embedded snapshot, or TEST_DATABASE_URL. */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? '';
export const MODE = SERVER_URL ? 'server' : 'embedded';

/** Opens the prepared sample database (see global-setup.ts); migrations are already applied. */
export async function openTestDatabase(): Promise<Database> {
	if (SERVER_URL) return openDatabase({ url: SERVER_URL, migrate: false });
	const snapshot = readFileSync(inject('snapshotPath'));
	return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([snapshot]), migrate: false });
}

/** Runs `fn` inside a transaction that is always rolled back, so tests leave no trace. */
export async function rolledBack<T>(db: Database, fn: (tx: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<T>): Promise<T> {
	let result: T;
	const marker = new Error('rollback');
	try {
		await db.transaction(async (tx) => {
			result = await fn(tx);
			throw marker;
		});
	} catch (e) {
		if (e !== marker) throw e;
	}
	return result!;
}

/**
 * A migrated database with no data, for fixture-based suites. Embedded: from the empty
 * snapshot. Server: a new database on the test server, dropped again on close.
 */
export async function openEmptyDatabase(): Promise<Database> {
	if (!SERVER_URL) {
		const snapshot = readFileSync(inject('emptySnapshotPath'));
		return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([snapshot]), migrate: false });
	}
	return openScratchDatabase(SERVER_URL, `siteatlas_fx_${randomBytes(4).toString('hex')}`);
}
