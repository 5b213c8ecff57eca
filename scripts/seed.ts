/**
 * Migrates the configured database and loads the sample zone into it if it has no
 * parks yet. The zone is generated deterministically (same seed, same data); its
 * dates are relative to today unless --as-of=YYYY-MM-DD is given.
 *   DATABASE_URL=postgres://… npm run db:seed
 */
import { ensureSampleZone, todayIso } from '../src/lib/server/sample/load';
import { fail, openConfiguredDatabase } from './cli';

const asOf = process.argv.find((a) => a.startsWith('--as-of='))?.slice(8) ?? todayIso();
if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) fail(new Error(`--as-of must be a date like 2026-11-01, not "${asOf}"`));

try {
	const db = await openConfiguredDatabase();
	const started = performance.now();
	const result = await ensureSampleZone(db, asOf);
	if (result.loaded) {
		const counts = Object.entries(result.counts)
			.map(([k, v]) => `${v} ${k}`)
			.join(', ');
		console.log(`Loaded the sample zone into ${db.where} in ${Math.round(performance.now() - started)} ms: ${counts}`);
	} else {
		console.log(`${db.where} already has parks; nothing loaded. (The sample zone is only loaded into an empty database.)`);
	}
	await db.close();
} catch (e) {
	fail(e);
}
