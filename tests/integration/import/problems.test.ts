/**
 * The bad-input set: every broken file is refused whole with a clear message, every broken
 * feature is a problem with its reason and place, and a commit with problems writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { runImport, ImportFileError, ImportRefused } from '../../../src/lib/server/import';
import { PermissionError } from '../../../src/lib/server/auth/permissions';
import { MODE } from '../db';
import { importZone, run, type ImportZone } from './helpers';

const plotCount = async (zone: ImportZone) => Number((await zone.db.rows<{ n: number }>(sql`select count(*)::int as n from plots`))[0].n);

async function fileError(p: Promise<unknown>): Promise<ImportFileError> {
	try {
		await p;
	} catch (e) {
		if (e instanceof ImportFileError) return e;
		throw e;
	}
	throw new Error('expected the file to be refused');
}

describe(`bad input (${MODE})`, () => {
	let zone: ImportZone;
	beforeAll(async () => {
		zone = await importZone();
	});
	afterAll(() => zone?.db.close());

	it.each([
		['bad/broken.zip', 'import.zip_broken', {}],
		['bad/missing-shx.zip', 'import.shp_missing', { parts: '.shx' }],
		['bad/missing-dbf.zip', 'import.shp_missing', { parts: '.dbf' }],
		['bad/unknown-prj.zip', 'import.crs_unknown', {}],
		['bad/zip-slip.zip', 'import.zip_path', { name: '../evil.shp' }],
		['bad/entity.kml', 'import.xml_entity', {}]
	])('%s is refused as a whole: %s', async (file, key, params) => {
		const e = await fileError(run(zone, file, {}, 'commit'));
		expect(e.key).toBe(key);
		expect(e.params).toMatchObject(params);
		expect(e.message).not.toMatch(/import\./);
		expect(await plotCount(zone)).toBe(2);
	});

	it('a zip bomb stops at the unpacked-size limit', async () => {
		const before = process.env.SITEATLAS_IMPORT_MAX_UNPACKED_MB;
		process.env.SITEATLAS_IMPORT_MAX_UNPACKED_MB = '2';
		try {
			const bomb = zipSync({ 'plots.shp': new Uint8Array(64 * 1024 * 1024), 'plots.shx': new Uint8Array(8), 'plots.dbf': new Uint8Array(8) }, { level: 9 });
			expect(bomb.length).toBeLessThan(200_000);
			const e = await fileError(runImport(zone.db, zone.editor, { name: 'bomb.zip', bytes: bomb }, { layer: 'plots', parkCode: 'IM' }, 'dry_run'));
			expect(e.key).toBe('import.zip_too_large');
			expect(e.status).toBe(413);
		} finally {
			if (before === undefined) delete process.env.SITEATLAS_IMPORT_MAX_UNPACKED_MB;
			else process.env.SITEATLAS_IMPORT_MAX_UNPACKED_MB = before;
		}
	});

	it('mixed geometry types: one problem per feature that is no polygon; a commit with problems writes nothing', async () => {
		const r = await run(zone, 'bad/mixed-types.geojson');
		expect(r.counts).toMatchObject({ features: 3, withProblems: 2, clean: 1, byType: { Polygon: 1, Point: 1, LineString: 1 } });
		expect(r.problems.map((p) => [p.code, p.key, p.params.type])).toEqual([
			['IM-102', 'import.geometry_type', 'Point'],
			['IM-103', 'import.geometry_type', 'LineString']
		]);
		await expect(run(zone, 'bad/mixed-types.geojson', {}, 'commit')).rejects.toBeInstanceOf(ImportRefused);
		expect(await plotCount(zone)).toBe(2);
		const skipped = await run(zone, 'bad/mixed-types.geojson', { skipProblems: true }, 'commit');
		expect(skipped.committed).toMatchObject({ created: 1, skipped: 2 });
		expect(await plotCount(zone)).toBe(3);
		await zone.db.rows(sql`delete from audit_entries where import_id = ${skipped.committed!.importId}`);
		await zone.db.rows(sql`delete from plots where code = 'IM-101'`);
	});

	it('null and empty geometries, 1e308 coordinates, unclosed and bow-tie rings are problems of their features', async () => {
		const a = await run(zone, 'bad/null-empty.geojson');
		expect(a.problems.map((p) => [p.code, p.key])).toEqual([
			['IM-111', 'import.geometry_missing'],
			['IM-112', 'import.geometry_empty']
		]);
		const b = await run(zone, 'bad/huge-coords.geojson');
		expect(b.problems.map((p) => [p.code, p.key])).toEqual([['IM-121', 'import.geometry_transform']]);
		const c = await run(zone, 'bad/rings.geojson');
		expect(c.problems.map((p) => [p.code, p.key])).toEqual([
			['IM-131', 'geometry.ring_not_closed'],
			['IM-132', 'import.invalid_geometry']
		]);
		const bowtie = c.problems[1];
		expect(bowtie.params.reason).toMatch(/self-intersection/i);
		expect(bowtie.location?.type).toBe('Point');
	});

	it('checks: overlaps in the file and with the database, outside the park, area against the file, duplicate and missing codes, unknown land use', async () => {
		const r = await run(zone, 'bad/checks.geojson');
		const byCode = (code: string | null) => r.problems.filter((p) => p.code === code).map((p) => p.key);
		expect(byCode('IM-141')).toEqual(['import.overlap_file']);
		const overlap = r.problems.find((p) => p.key === 'import.overlap_file')!;
		expect(overlap.params).toMatchObject({ code: 'IM-142' });
		expect(Number(overlap.params.area)).toBeGreaterThan(350);
		expect(Number(overlap.params.area)).toBeLessThan(450);
		expect(overlap.location?.type).toMatch(/Polygon/);
		expect(byCode('IM-143')).toEqual(['import.overlap_db']);
		expect(r.problems.find((p) => p.code === 'IM-143')!.params).toMatchObject({ code: 'IM-EX-2' });
		expect(byCode('IM-144')).toContain('import.outside_park');
		expect(byCode('IM-145')).toEqual(['import.area_differs']);
		expect(byCode('IM-146')).toEqual(['import.code_duplicate']);
		expect(byCode(null)).toEqual(['import.code_missing']);
		expect(byCode('IM-148')).toEqual(['import.value_word']);
		expect(r.unknownValues.landUse).toEqual([{ value: '外星用地', count: 1 }]);
		expect(byCode('IM-149')).toEqual([]);
		expect(r.areaUnit).toEqual({ unit: 'm2', rule: 'values' });
		expect(r.diff.missing).toBe(2);
		for (const p of r.problems) expect(p.message).toMatch(/^Feature \d+/);
	});

	it('CSV with a BOM, semicolons, quotes and a line break inside a field', async () => {
		const r = await run(zone, 'bad/quotes-newlines-bom.csv', {}, 'commit');
		expect(r.encoding).toMatchObject({ encoding: 'utf-8', rule: 'bom' });
		expect(r.counts).toMatchObject({ features: 2, withProblems: 0 });
		const [row] = await zone.db.rows<{ notes: string }>(sql`select notes from plots where code = 'IM-151'`);
		expect(row.notes).toBe('临路; 含"三通一平"\r\n第二行');
		const { undoImport } = await import('../../../src/lib/server/import');
		await undoImport(zone.db, zone.editor, r.committed!.importId);
	});

	it('a spreadsheet formula is never evaluated: its row is a problem naming the cell', async () => {
		const r = await runImport(
			zone.db,
			zone.admin,
			{ name: 'formula.xlsx', bytes: new Uint8Array((await import('node:fs')).readFileSync('tests/fixtures/import/bad/formula.xlsx')) },
			{ layer: 'units' },
			'dry_run'
		);
		expect(r.problems.find((p) => p.key === 'import.formula')).toMatchObject({ index: 2, params: { cell: 'D3' } });
		expect(r.problems.filter((p) => p.key === 'import.unit_building_missing').length).toBe(2);
	});

	it('Xi\u2019an 1980 without the seven parameters is refused with the reason', async () => {
		const e = await fileError(run(zone, 'xian80.zip', { crs: 'EPSG:2385' }));
		expect(e.key).toBe('import.crs_needs_params');
		const prj = await fileError(run(zone, 'xian80.zip'));
		expect(prj.key).toBe('import.crs_needs_params');
	});

	it('park editors import only into their own parks; parks, roads and facilities only administrators', async () => {
		await expect(run(zone, 'plots.geojson', {}, 'dry_run', zone.outsider)).rejects.toBeInstanceOf(PermissionError);
		// Without a park, an editor's import goes into their only park: features elsewhere are problems, not skipped.
		const foreign = await run(zone, 'plots.geojson', { parkCode: null }, 'dry_run', zone.outsider);
		expect(foreign.park?.code).toBe('FAR');
		expect(foreign.counts.withProblems).toBe(7);
		expect(new Set(foreign.problems.map((p) => p.key))).toEqual(new Set(['import.outside_park']));
		await expect(run(zone, 'plots.geojson', { parkCode: null }, 'commit', zone.outsider)).rejects.toBeInstanceOf(ImportRefused);
		const r = await runImport(zone.db, zone.editor, { name: 'f.csv', bytes: new Uint8Array(8) }, { layer: 'facilities' }, 'dry_run').catch((e) => e);
		expect(r).toBeInstanceOf(PermissionError);
	});
});
