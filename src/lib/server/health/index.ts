import { getDatabase } from '../db';
import { describeDatabase } from '../db/client';
import { layerVersions } from '../tiles/versions';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultMigrationsFolder } from '../db/client';

export interface Health {
	ok: boolean;
	database: {
		mode: 'embedded' | 'server';
		postgres: string;
		postgis: string;
		/** Migrations applied to the database, and how many the code ships. */
		migrations: { applied: number; expected: number; latest: string | null };
	};
	layerVersions: Record<string, number>;
}

function shippedMigrations(): string[] {
	try {
		const journal = JSON.parse(readFileSync(path.join(defaultMigrationsFolder(), 'meta', '_journal.json'), 'utf8'));
		return (journal.entries as { tag: string }[]).map((e) => e.tag);
	} catch {
		return [];
	}
}

export async function getHealth(): Promise<Health> {
	const database = await getDatabase();
	const info = await describeDatabase(database);
	const shipped = shippedMigrations();
	return {
		ok: info.migrations === shipped.length,
		database: {
			mode: info.mode,
			postgres: info.postgres,
			postgis: info.postgis,
			migrations: {
				applied: info.migrations,
				expected: shipped.length,
				latest: info.migrations > 0 ? (shipped[info.migrations - 1] ?? null) : null
			}
		},
		layerVersions: await layerVersions(database)
	};
}
