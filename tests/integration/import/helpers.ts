/** Shared set-up of the import suites: the fixture zone, its users, and running a fixture file. */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import type { FeatureCollection } from 'geojson';
import type { Database } from '../../../src/lib/server/db/client';
import { createUser, type SessionUser } from '../../../src/lib/server/auth';
import { runImport } from '../../../src/lib/server/import';
import type { ImportOptions, ImportReport } from '../../../src/lib/domain/import/report';
import { openEmptyDatabase } from '../db';
import { loadFixture } from '../fixture';

export const DIR = 'tests/fixtures/import';

export interface ImportZone {
	db: Database;
	admin: SessionUser;
	editor: SessionUser;
	outsider: SessionUser;
}

const userOf = async (db: Database, id: number, role: SessionUser['role'], parks: string[]): Promise<SessionUser> => {
	const rows = await db.rows<{ id: number }>(sql`select id from parks where code in (select jsonb_array_elements_text(${JSON.stringify(parks)}::jsonb))`);
	return { id, email: `${role}@zone.example`, displayName: role, role, parkIds: rows.map((r) => Number(r.id)), locale: 'zh-CN' };
};

/** An empty database with park IM (and plots IM-EX-1, IM-EX-2), an admin, an editor of IM and an editor of another park. */
export async function importZone(): Promise<ImportZone> {
	const db = await openEmptyDatabase();
	await loadFixture(db, `${DIR}/zone.geojson`);
	await db.rows(sql`insert into parks (code, name_zh, name_en, kind, boundary, area_m2, operator_zh, operator_en)
		select 'FAR', '远方园区', 'Far Park', 'industrial_park', ST_Translate(boundary, 0.05, 0), area_m2, '运营方', 'Operator' from parks where code = 'IM'`);
	const admin = await userOf(
		db,
		await createUser(db, { email: 'admin@zone.example', displayName: 'Admin', password: 'admin-password-1', role: 'admin' }),
		'admin',
		[]
	);
	const editor = await userOf(
		db,
		await createUser(db, { email: 'editor@zone.example', displayName: 'Editor', password: 'editor-password-1', role: 'park_editor', parkCodes: ['IM'] }),
		'park_editor',
		['IM']
	);
	const outsider = await userOf(
		db,
		await createUser(db, { email: 'far@zone.example', displayName: 'Far', password: 'outsider-password-1', role: 'park_editor', parkCodes: ['FAR'] }),
		'park_editor',
		['FAR']
	);
	return { db, admin, editor, outsider };
}

export function fixture(name: string) {
	return { name, bytes: new Uint8Array(readFileSync(`${DIR}/${name}`)) };
}

export function run(
	zone: ImportZone,
	name: string,
	options: Partial<ImportOptions> = {},
	mode: 'dry_run' | 'commit' = 'dry_run',
	user = zone.editor
): Promise<ImportReport> {
	return runImport(zone.db, user, fixture(name), { layer: 'plots', parkCode: 'IM', ...options }, mode);
}

/** GDAL's reading of a fixture, reprojected to EPSG:4326: the reference the importer is measured against. */
export function ogrReference(file: string, extra: string[] = []): FeatureCollection {
	const path = file.endsWith('.zip') ? `/vsizip/${DIR}/${file}` : `${DIR}/${file}`;
	// Options first, then the output and the input, then any layer names (arguments starting without "-").
	const options = extra.filter((a, i) => a.startsWith('-') || (i > 0 && extra[i - 1].startsWith('-')));
	const layers = extra.filter((a) => !options.includes(a));
	const out = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '-t_srs', 'EPSG:4326', '-lco', 'COORDINATE_PRECISION=10', ...options, '/vsistdout/', path, ...layers], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	return JSON.parse(out) as FeatureCollection;
}
