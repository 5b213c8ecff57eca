/**
 * Prepares one database with the sample zone for the integration suites.
 * - Embedded (default): PGlite is migrated and seeded once, then dumped to a
 *   snapshot file that every test file restores (~1 s instead of ~10 s cold).
 * - Server: with TEST_DATABASE_URL, that PostgreSQL + PostGIS database is migrated
 *   and seeded (when empty) once; the test files connect to it.
 */
import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/lib/server/db/client';
import { ensureSampleZone } from '../../src/lib/server/sample/load';

declare module 'vitest' {
	export interface ProvidedContext {
		snapshotPath: string;
		emptySnapshotPath: string;
		sampleAsOf: string;
	}
}

/** A fixed date makes the seeded data identical on every run. */
export const SAMPLE_AS_OF = '2026-11-01';

export default async function setup(project: TestProject) {
	const url = process.env.TEST_DATABASE_URL;
	project.provide('sampleAsOf', SAMPLE_AS_OF);
	if (url) {
		const db = await openDatabase({ url });
		await ensureSampleZone(db, SAMPLE_AS_OF);
		await db.close();
		project.provide('snapshotPath', '');
		project.provide('emptySnapshotPath', '');
		return;
	}
	const dir = mkdtempSync(path.join(tmpdir(), 'siteatlas-test-'));
	const db = await openDatabase({ dataDir: 'memory://' });
	const emptyFile = path.join(dir, 'empty.tar');
	writeFileSync(emptyFile, new Uint8Array(await (await db.pglite!.dumpDataDir('none')).arrayBuffer()));
	await ensureSampleZone(db, SAMPLE_AS_OF);
	const dump = await db.pglite!.dumpDataDir('none');
	const file = path.join(dir, 'sample.tar');
	writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
	await db.close();
	project.provide('snapshotPath', file);
	project.provide('emptySnapshotPath', emptyFile);
	return () => rmSync(dir, { recursive: true, force: true });
}
