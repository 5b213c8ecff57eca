/**
 * The app's one database, opened on first use from the environment:
 * DATABASE_URL → server mode; otherwise embedded in SITEATLAS_DATA_DIR (default .data/pglite).
 * The embedded database is loaded with the sample zone the first time it is created.
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
		if (database.mode === 'embedded' || process.env.SITEATLAS_SEED === 'sample') {
			await ensureSampleZone(database);
		}
		return database;
	})();
	opening.catch(() => {
		opening = null;
	});
	return opening;
}

export { DatabaseStartupError, type Database } from './client';
