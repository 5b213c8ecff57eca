/**
 * Imports a surveyor's file from the command line — the same code path as the console:
 *   npm run import -- FILE --layer plots --park NM [--crs EPSG:4527] [--encoding gbk] [--shift gcj02]
 *     [--seven-params dx,dy,dz,rx,ry,rz,ds] [--area-unit ha] [--map field=column,…] [--publish]
 *     [--skip-problems] [--commit] [--json] [--user EMAIL]
 *   npm run import -- --undo ID [--user EMAIL]
 * Without --commit it is a dry run and writes nothing. Prints the report (JSON with --json);
 * exits 0 when the file is clean (or committed with --skip-problems), 2 when features have
 * problems, 1 when the file cannot be read at all.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { userByEmail } from '../src/lib/server/auth';
import { runImport, undoImport, ImportFileError, ImportRefused } from '../src/lib/server/import';
import { importOptionsSchema } from '../src/lib/domain/import/options';
import type { ImportOptions, ImportReport } from '../src/lib/domain/import/report';
import { translate, type MessageKey } from '../src/lib/i18n';
import { fail, openConfiguredDatabase } from './cli';

const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: {
		layer: { type: 'string', default: 'plots' },
		park: { type: 'string' },
		crs: { type: 'string' },
		encoding: { type: 'string' },
		shift: { type: 'string' },
		'seven-params': { type: 'string' },
		'area-unit': { type: 'string' },
		map: { type: 'string' },
		publish: { type: 'boolean', default: false },
		'skip-problems': { type: 'boolean', default: false },
		commit: { type: 'boolean', default: false },
		json: { type: 'boolean', default: false },
		user: { type: 'string' },
		undo: { type: 'string' }
	}
});

const en = (key: string, params: Record<string, string | number> = {}) => translate('en', key as MessageKey, params);

function printReport(r: ImportReport) {
	const line = (label: string, text: string) => console.log(`${label.padEnd(11)}${text}`);
	line('File:', `${r.file.name} (${r.file.format}, ${(r.file.bytes / 1024).toFixed(1)} KB, sha256 ${r.file.sha256.slice(0, 16)}…)`);
	line('Layer:', `${r.layer}${r.park ? ` → park ${r.park.code} (${r.park.nameEn})` : ''}`);
	line(
		'CRS:',
		r.crs.code || r.crs.name
			? `${r.crs.code ?? ''} ${r.crs.name} — ${en(`import.rule.${r.crs.rule}`)}${r.crs.shift !== 'none' ? `, ${r.crs.shift} corrected` : ''}`
			: 'none'
	);
	for (const p of r.crs.proposals) line('', en(p.key, p.params));
	if (r.encoding)
		line(
			'Encoding:',
			`${r.encoding.encoding} — ${en(`import.rule.${r.encoding.rule}`)}${r.encoding.samples.length ? `; e.g. ${r.encoding.samples.slice(0, 3).join(' | ')}` : ''}`
		);
	for (const n of r.notes) line('', en(n.key, n.params));
	const types = Object.entries(r.counts.byType)
		.map(([t, n]) => `${t} ${n}`)
		.join(', ');
	line('Features:', `${r.counts.features} (${types}); ${r.counts.withProblems} with problems`);
	if (r.bounds) line('Bounds:', r.bounds.map((v) => v.toFixed(6)).join(', '));
	const mapped = Object.entries(r.mapping)
		.filter(([, m]) => m.column || (m.fallback !== undefined && m.fallback !== null))
		.map(([field, m]) => `${field} ← ${m.column ?? JSON.stringify(m.fallback)}`);
	line('Mapping:', mapped.join('; ') || 'nothing mapped');
	if (r.areaUnit) line('Area unit:', `${r.areaUnit.unit} — ${en(`import.rule.${r.areaUnit.rule}`)}`);
	for (const [field, list] of Object.entries(r.unknownValues)) line('Unknown:', `${field}: ${list.map((u) => `${u.value} (${u.count})`).join(', ')}`);
	const changed = Object.entries(r.diff.changedFields)
		.map(([f, n]) => `${f} ${n}`)
		.join(', ');
	line(
		'Diff:',
		`${r.diff.new} new, ${r.diff.changed} changed${changed ? ` (${changed})` : ''}, ${r.diff.unchanged} unchanged; ${r.diff.missing} in the database but not in the file`
	);
	if (r.problems.length) {
		console.log('Problems:');
		for (const p of r.problems) console.log(`  ${p.message}`);
		const listed = r.problems.length;
		const total = Object.values(r.problemCounts).reduce((a, b) => a + (b ?? 0), 0);
		if (total > listed) console.log(`  … and ${total - listed} more`);
	}
	if (r.committed)
		line(
			'Committed:',
			`import #${r.committed.importId}: ${r.committed.created} created, ${r.committed.updated} updated, ${r.committed.unchanged} unchanged, ${r.committed.skipped} left out`
		);
	else console.log('Dry run: nothing was written. Add --commit to import.');
}

function mappingOf(spec: string | undefined): ImportOptions['mapping'] {
	if (!spec) return undefined;
	return Object.fromEntries(
		spec.split(',').map((pair) => {
			const [field, column] = pair.split('=');
			return [field.trim(), { column: column?.trim() || null }];
		})
	);
}

const db = await openConfiguredDatabase().catch(fail);
try {
	const user = await userByEmail(db, values.user);
	if (!user) throw new Error(values.user ? `No active user ${values.user}.` : 'No administrator yet: create one with npm run user:create, or give --user.');
	if (values.undo) {
		const done = await undoImport(db, user, Number(values.undo));
		console.log(values.json ? JSON.stringify(done) : `Undid import #${values.undo}: ${done.deleted} deleted, ${done.restored} restored.`);
		process.exitCode = 0;
	} else {
		const file = positionals[0];
		if (!file) throw new Error('Give the file to import: npm run import -- FILE --layer plots --park NM');
		const options = importOptionsSchema.parse({
			layer: values.layer,
			parkCode: values.park,
			crs: values.crs,
			encoding: values.encoding,
			shift: values.shift,
			sevenParams: values['seven-params']?.split(',').map(Number),
			areaUnit: values['area-unit'],
			mapping: mappingOf(values.map),
			publish: values.publish,
			skipProblems: values['skip-problems']
		}) as ImportOptions;
		let report: ImportReport;
		try {
			report = await runImport(db, user, { name: basename(file), bytes: new Uint8Array(readFileSync(file)) }, options, values.commit ? 'commit' : 'dry_run');
		} catch (e) {
			if (!(e instanceof ImportRefused)) throw e;
			report = e.report;
			process.exitCode = 2;
		}
		if (values.json) console.log(JSON.stringify(report));
		else printReport(report);
		if (report.counts.withProblems > 0 && !(report.committed && options.skipProblems)) process.exitCode = 2;
		if (process.exitCode === 2 && !values.json)
			console.error(
				`error: ${report.counts.withProblems} features have problems${values.commit ? '; nothing was written' : ''}. Fix them, or add --skip-problems to leave them out.`
			);
	}
} catch (e) {
	if (e instanceof ImportFileError) {
		console.error(`error: ${e.message}`);
		process.exitCode = 1;
	} else {
		await db.close();
		fail(e);
	}
}
await db.close();
process.exit(process.exitCode ?? 0);
