/**
 * The app's one database, opened on first use from the environment:
 * DATABASE_URL → server mode; otherwise embedded in SITEATLAS_DATA_DIR (default .data/pglite).
 * The embedded database is loaded with the sample zone the first time it is created, unless
 * SITEATLAS_SEED=none.
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

export { DatabaseStartupError, type Database } from './client';
