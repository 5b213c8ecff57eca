/** Shared bits of the command-line tools: open the configured database, print failures as one line. */
import { DatabaseStartupError, openDatabase, type Database } from '../src/lib/server/db/client';

export async function openConfiguredDatabase(): Promise<Database> {
	const url = process.env.DATABASE_URL || undefined;
	return openDatabase({ url, dataDir: url ? undefined : (process.env.SITEATLAS_DATA_DIR ?? '.data/pglite') });
}

export function fail(e: unknown): never {
	const message = e instanceof DatabaseStartupError ? e.message : (e as Error).message;
	console.error(`error: ${message}`);
	process.exit(1);
}
