/**
 * Generates a zone at scale for benchmarks (not for a real portal): the sample zone's shapes
 * and attributes copied until the database holds the asked number of plots, with parks,
 * buildings, units, enterprises, enquiries and page views in the sample's proportions.
 *
 *   npm run generate:scale -- --plots 1000000 postgres://…/scale_1m          whole copies of the zone on a grid
 *   npm run generate:scale -- --plots 1000000 --dense postgres://…/dense    1M plots of ~30 m in one 36 × 30 km zone
 *   npm run generate:scale -- --plots 100000                                 embedded, in SITEATLAS_DATA_DIR (default .data/scale)
 *
 * The database is migrated and gets the sample zone first if it is empty; a database that has
 * been scaled already is refused (generate into a fresh one).
 */
import { generateScale } from '../src/lib/server/sample/scale';
import { ensureSampleZone } from '../src/lib/server/sample/load';
import { openDatabase } from '../src/lib/server/db/client';
import { fail } from './cli';

const args = process.argv.slice(2);
const at = args.indexOf('--plots');
const plots = at >= 0 ? Number(args[at + 1]) : NaN;
const dense = args.includes('--dense');
const url = args.find((a) => /^postgres(ql)?:\/\//.test(a)) ?? process.env.DATABASE_URL ?? undefined;
if (!Number.isInteger(plots) || plots < 1 || plots > 5_000_000) fail(new Error('Say how many plots: --plots 100000 (at most 5,000,000).'));

try {
	const started = performance.now();
	const db = await openDatabase({ url, dataDir: url ? undefined : (process.env.SITEATLAS_DATA_DIR ?? '.data/scale') });
	await ensureSampleZone(db);
	console.log(`Scaling ${db.where} to ${plots.toLocaleString('en')} plots${dense ? ' (dense)' : ''}…`);
	const counts = await generateScale(db, { plots, dense, log: (line) => console.log(`  ${line}`) });
	console.log(
		`Done in ${((performance.now() - started) / 1000).toFixed(0)} s: ${Object.entries(counts)
			.map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
			.join(', ')}`
	);
	await db.close();
} catch (e) {
	fail(e);
}
