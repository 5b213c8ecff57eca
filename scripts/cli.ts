/** Shared bits of the command-line tools: open the configured database, print failures as one line. */
import { createInterface } from 'node:readline';
import { MIN_PASSWORD_LENGTH } from '../src/lib/server/auth/password';
import { DatabaseStartupError, openDatabase, type Database } from '../src/lib/server/db/client';
import { ensureSampleZone } from '../src/lib/server/sample/load';
import { wantsSampleZone } from '../src/lib/server/db';

/** The database the app uses, opened as the app opens it (a new embedded one gets the sample zone). */
export async function openConfiguredDatabase(): Promise<Database> {
	const url = process.env.DATABASE_URL || undefined;
	const database = await openDatabase({ url, dataDir: url ? undefined : (process.env.SITEATLAS_DATA_DIR ?? '.data/pglite') });
	if (wantsSampleZone(database.mode)) await ensureSampleZone(database);
	return database;
}

export function fail(e: unknown): never {
	const message = e instanceof DatabaseStartupError ? e.message : (e as Error).message;
	console.error(`error: ${message}`);
	process.exit(1);
}

/** A new password: SITEATLAS_NEW_PASSWORD, else one line of standard input — never the command line, where others could see it. */
export async function readPassword(): Promise<string> {
	if (process.env.SITEATLAS_NEW_PASSWORD) return process.env.SITEATLAS_NEW_PASSWORD;
	if (process.stdin.isTTY) process.stderr.write(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
	const rl = createInterface({ input: process.stdin });
	for await (const line of rl) {
		rl.close();
		return line;
	}
	return '';
}
