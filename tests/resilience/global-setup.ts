/**
 * Before the resilience suite: the app must be built (npm run test:resilience builds it), and
 * a seeded embedded data directory is made once, copied for every app instance; in server
 * mode the database named by RESILIENCE_DATABASE_URL is migrated and seeded once.
 */
import type { TestProject } from 'vitest/node';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/lib/server/db/client';
import { ensureSampleZone } from '../../src/lib/server/sample/load';

declare module 'vitest' {
	export interface ProvidedContext {
		seededDataDir: string;
	}
}

export default async function setup(project: TestProject) {
	const appDir = path.resolve(process.env.RESILIENCE_APP_DIR ?? '.');
	const migrationsFolder = path.join(appDir, 'db/migrations');
	if (!existsSync(path.join(appDir, 'build/index.js')))
		throw new Error('The resilience suite drives the built app: run `npm run build` first (npm run test:resilience does).');
	const url = process.env.RESILIENCE_DATABASE_URL;
	if (url) {
		const db = await openDatabase({ url, migrationsFolder });
		await ensureSampleZone(db);
		await db.close();
		project.provide('seededDataDir', '');
		return;
	}
	const dir = mkdtempSync(path.join(tmpdir(), 'siteatlas-resilience-seed-'));
	const db = await openDatabase({ dataDir: dir, migrationsFolder });
	await ensureSampleZone(db);
	await db.close();
	project.provide('seededDataDir', dir);
	return () => rmSync(dir, { recursive: true, force: true });
}
