/**
 * The app's one database, opened on first use from the environment:
 * DATABASE_URL → server mode; otherwise embedded in SITEATLAS_DATA_DIR (default .data/pglite).
 * The embedded database is loaded with the sample zone the first time it is created, unless
 * SITEATLAS_SEED=none.
 *
 * With DATABASE_READ_URL (a streaming replica of DATABASE_URL), public reads — tiles, search,
 * heat, site pages — go there (readDatabase); writes and everything a signed-in user reads go
 * to the primary, so an editor always sees their own edits. For every reader to see a commit at
 * once, run the primary with synchronous_commit = remote_apply (README, "How it scales").
 */
import { openDatabase, type Database } from './client';
import { ensureSampleZone } from '../sample/load';

let opening: Promise<Database> | null = null;

export function getDatabase(): Promise<Database> {
	opening ??= (async () => {
		const url = process.env.DATABASE_URL || undefined;
		const database = await openDatabase({
			url,
			dataDir: url ? undefined : (process.env.SITEATLAS_DATA_DIR ?? '.data/pglite')
		});
		if (wantsSampleZone(database.mode)) await ensureSampleZone(database);
		return database;
	})();
	opening.catch(() => {
		opening = null;
	});
	return opening;
}

/**
 * Whether a new, empty database gets the sample zone: embedded ones do (the two-command quick
 * start), server ones only with SITEATLAS_SEED=sample; SITEATLAS_SEED=none keeps every database
 * empty, for a real zone set up from nothing (npm run setup).
 */
export function wantsSampleZone(mode: 'embedded' | 'server'): boolean {
	const seed = process.env.SITEATLAS_SEED;
	if (seed === 'none') return false;
	return mode === 'embedded' || seed === 'sample';
}

let openingRead: Promise<Database> | null = null;

/**
 * The database a public read goes to: the replica (DATABASE_READ_URL) for an anonymous visitor,
 * the primary for a signed-in user (read-your-writes) or when no replica is configured.
 */
export async function readDatabase(locals: { user?: unknown } = {}): Promise<Database> {
	const url = process.env.DATABASE_READ_URL || undefined;
	if (!url || !process.env.DATABASE_URL || locals.user) return getDatabase();
	openingRead ??= (async () => {
		await getDatabase(); // the primary first: it migrates, the replica follows
		return openDatabase({ url, migrate: false });
	})();
	openingRead.catch(() => {
		openingRead = null;
	});
	return openingRead;
}

export { DatabaseStartupError, type Database } from './client';
