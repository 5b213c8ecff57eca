/**
 * Applies pending migrations to the configured database and prints its level.
 *   DATABASE_URL=postgres://… npm run db:migrate      (server)
 *   npm run db:migrate                                  (embedded, .data/pglite)
 */
import { describeDatabase } from '../src/lib/server/db/client';
import { fail, openConfiguredDatabase } from './cli';

try {
	const db = await openConfiguredDatabase();
	const info = await describeDatabase(db);
	console.log(`${info.mode} database at ${db.where}: PostgreSQL ${info.postgres}, PostGIS ${info.postgis}, ${info.migrations} migrations applied`);
	await db.close();
} catch (e) {
	fail(e);
}
