/**
 * What a commit leaves behind and how it is walked back: the import recorded (who, file,
 * SHA-256, counts, CRS, encoding), one audit entry per record tied to it, the layer version
 * bumped, new records unpublished unless asked; undo restores every record and refuses when a
 * record was edited since. And the other layers: buildings, units from a table, facilities,
 * roads and parks, and coordinates copied from a consumer map (GCJ-02).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Feature, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { importHistory, runImport, undoImport, ImportFileError } from '../../../src/lib/server/import';
import { layerVersions } from '../../../src/lib/server/tiles/versions';
import { plotSnapshot, updatePlot } from '../../../src/lib/server/editing';
import { plotEditOf } from '../../../src/lib/domain/edit-schemas';
import { PermissionError } from '../../../src/lib/server/auth/permissions';
import { MODE } from '../db';
import { DIR, fixture, importZone, ogrReference, run, type ImportZone } from './helpers';

describe(`commit, audit and undo (${MODE})`, () => {
	let zone: ImportZone;
	beforeAll(async () => {
		zone = await importZone();
	});
	afterAll(() => zone?.db.close());

	it('records the import, ties an audit entry per record to it, bumps the layer, leaves new plots unpublished', async () => {
		const before = await layerVersions(zone.db);
		const r = await run(zone, 'gk3-prefix-gbk-nocpg.zip', {}, 'commit');
		const id = r.committed!.importId;
		const [imp] = await zone.db.rows<Record<string, unknown>>(sql`select * from imports where id = ${id}`);
		expect(imp).toMatchObject({
			layer: 'plots',
			file_name: 'gk3-prefix-gbk-nocpg.zip',
			format: 'shapefile',
			crs: 'EPSG:4528',
			encoding: 'gbk',
			status: 'committed'
		});
		expect(imp.file_sha256).toBe(r.file.sha256);
		expect(imp.file_sha256).toMatch(/^[0-9a-f]{64}$/);
		const audits = await zone.db.rows<{ action: string; entity_id: string }>(
			sql`select action, entity_id from audit_entries where import_id = ${id} order by id`
		);
		expect(audits.filter((a) => a.action === 'create').length).toBe(6);
		expect(audits.filter((a) => a.action === 'update').map((a) => a.entity_id)).toEqual(['IM-EX-1']);
		expect((await layerVersions(zone.db)).plots).toBe(before.plots + 1);
		const published = await zone.db.rows<{ code: string; published: boolean }>(sql`select code, published from plots where code like 'IM-0%'`);
		expect(published.every((p) => !p.published)).toBe(true);
		const [history] = await importHistory(zone.db, zone.editor);
		expect(history).toMatchObject({ id, layer: 'plots', park: 'IM', status: 'committed', counts: { created: 6, updated: 1 } });
		expect(await importHistory(zone.db, zone.outsider)).toEqual([]);

		// A record edited after the import: undo would lose that edit, so it is refused, naming it.
		const snap = (await plotSnapshot(zone.db, 'IM-001'))!;
		await updatePlot(zone.db, zone.editor, 'IM-001', { ...plotEditOf(snap as never), notes: '导入后改过' } as never);
		const conflict = await undoImport(zone.db, zone.editor, id).catch((e) => e);
		expect(conflict).toBeInstanceOf(ImportFileError);
		expect(conflict.status).toBe(409);
		expect(conflict.params.codes).toBe('IM-001');
		await expect(undoImport(zone.db, zone.outsider, id)).rejects.toBeInstanceOf(PermissionError);

		// Take the edit back out of the way (its version as the import left it), then undo: everything is as before, audited.
		await zone.db.rows(sql`update plots set version = ${snap.version} where code = 'IM-001'`);
		const done = await undoImport(zone.db, zone.editor, id);
		expect(done).toEqual({ deleted: 6, restored: 1 });
		const left = await zone.db.rows<{ code: string; land_use: string }>(sql`select code, land_use from plots order by code`);
		expect(left).toEqual([
			{ code: 'IM-EX-1', land_use: 'logistics' },
			{ code: 'IM-EX-2', land_use: 'industrial' }
		]);
		const undoAudits = await zone.db.rows<{ action: string }>(sql`select action from audit_entries where undo_of = ${id}`);
		expect(undoAudits.filter((a) => a.action === 'delete').length).toBe(6);
		expect(undoAudits.filter((a) => a.action === 'restore').length).toBe(1);
		expect((await importHistory(zone.db, zone.editor))[0].status).toBe('undone');
		await expect(undoImport(zone.db, zone.editor, id)).rejects.toMatchObject({ key: 'import.undo_done' });
	});

	it('publishes new records at once when asked', async () => {
		const r = await run(zone, 'plots.geojson', { publish: true }, 'commit');
		const rows = await zone.db.rows<{ published: boolean }>(sql`select published from plots where code like 'IM-0%'`);
		expect(rows.length).toBe(6);
		expect(rows.every((p) => p.published)).toBe(true);
		await undoImport(zone.db, zone.admin, r.committed!.importId);
	});

	it('GCJ-02 coordinates are detected as off the park and corrected to within 0.2 m', async () => {
		const dry = await run(zone, 'plots-gcj02.geojson');
		expect(dry.crs.proposals.map((p) => p.key)).toContain('import.propose_gcj02');
		const r = await run(zone, 'plots-gcj02.geojson', { shift: 'gcj02' }, 'commit');
		expect(r.counts.withProblems).toBe(0);
		const original = JSON.parse(readFileSync(`${DIR}/plots.geojson`, 'utf8')) as { features: Feature<Polygon>[] };
		const [row] = await zone.db.rows<{ g: string }>(sql`select ST_AsGeoJSON(boundary, 10) as g from plots where code = 'IM-001'`);
		const ours = JSON.parse(row.g).coordinates[0][0] as number[][];
		const theirs = original.features.find((f) => f.properties!.DKBH === 'IM-001')!.geometry.coordinates[0];
		for (let i = 0; i < theirs.length; i++) {
			const d = Math.hypot((ours[i][0] - theirs[i][0]) * 88388, (ours[i][1] - theirs[i][1]) * 110950);
			expect(d).toBeLessThan(0.2);
		}
		await undoImport(zone.db, zone.editor, r.committed!.importId);
	});
});

describe(`other layers (${MODE})`, () => {
	let zone: ImportZone;
	beforeAll(async () => {
		zone = await importZone();
	});
	afterAll(() => zone?.db.close());

	it('buildings with their footprints, then units from a table update occupancy', async () => {
		const b = await runImport(zone.db, zone.editor, fixture('buildings.geojson'), { layer: 'buildings', parkCode: 'IM' }, 'commit');
		expect(b.counts.withProblems, JSON.stringify(b.problems)).toBe(0);
		expect(b.committed).toMatchObject({ created: 2 });
		const [b1] = await zone.db.rows<Record<string, unknown>>(
			sql`select kind, floors, gross_area_m2, leasable_area_m2, name_zh from buildings where code = 'B-IM-1'`
		);
		expect(b1).toMatchObject({ kind: 'standard_factory', floors: 4, gross_area_m2: 12000, leasable_area_m2: 10000, name_zh: '标准厂房一号楼' });
		const u = await runImport(zone.db, zone.editor, fixture('units.csv'), { layer: 'units' }, 'commit');
		expect(u.counts.withProblems, JSON.stringify(u.problems)).toBe(0);
		expect(u.committed).toMatchObject({ created: 4 });
		const [occ] = await zone.db.rows<{ occupancy: number }>(sql`
			select o.rate as occupancy from buildings b, building_occupancy(b.id, b.leasable_area_m2, b.leased_area_m2) o where b.code = 'B-IM-1'`);
		expect(Number(occ.occupancy)).toBeCloseTo(1200 / 4000, 5);
		const again = await runImport(zone.db, zone.editor, fixture('units.csv'), { layer: 'units' }, 'dry_run');
		expect(again.diff).toMatchObject({ new: 0, changed: 0, unchanged: 4 });
		await undoImport(zone.db, zone.editor, u.committed!.importId);
		const [n] = await zone.db.rows<{ n: number }>(sql`select count(*)::int as n from units`);
		expect(Number(n.n)).toBe(0);
	});

	it('facilities from a GBK table with X/Y written the surveying way', async () => {
		const f = { name: 'facilities-gbk-xy.csv', bytes: new Uint8Array(readFileSync(`${DIR}/bad/facilities-gbk-xy.csv`)) };
		await expect(runImport(zone.db, zone.editor, f, { layer: 'facilities' }, 'dry_run')).rejects.toBeInstanceOf(PermissionError);
		const r = await runImport(zone.db, zone.admin, f, { layer: 'facilities' }, 'commit');
		expect(r.encoding).toMatchObject({ encoding: 'gbk', rule: 'valid_gbk' });
		expect(r.notes.map((n) => n.key)).toContain('import.note_axes_swapped');
		expect(r.crs).toMatchObject({ code: 'EPSG:4528', rule: 'zone_prefix' });
		expect(r.counts.withProblems, JSON.stringify(r.problems)).toBe(0);
		const rows = await zone.db.rows<{ code: string; kind: string; name_zh: string; lon: number; lat: number }>(sql`
			select code, kind, name_zh, ST_X(location) as lon, ST_Y(location) as lat from facilities order by code`);
		expect(rows.map((x) => [x.code, x.kind, x.name_zh])).toEqual([
			['F-IM-1', 'government', '园区服务中心'],
			['F-IM-2', 'hotel', '人才公寓酒店']
		]);
		expect(rows[0].lon).toBeGreaterThan(118.6);
		expect(rows[0].lat).toBeGreaterThan(37.4);
	});

	it('GPX waypoints as facilities, where ogr2ogr reads them', async () => {
		const mapping = { code: { column: 'name' }, nameZh: { column: 'name' }, kind: { column: 'type' } };
		const r = await runImport(zone.db, zone.admin, fixture('facilities.gpx'), { layer: 'facilities', mapping }, 'commit');
		expect(r.crs).toMatchObject({ code: 'EPSG:4326', rule: 'gpx' });
		expect(r.counts.withProblems, JSON.stringify(r.problems)).toBe(0);
		const ref = ogrReference('facilities.gpx', ['waypoints']);
		for (const f of ref.features) {
			const [row] = await zone.db.rows<{ lon: number; lat: number; kind: string }>(sql`
				select ST_X(location) as lon, ST_Y(location) as lat, kind from facilities where code = ${String(f.properties!.name)}`);
			const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
			expect(Math.hypot((row.lon - lon) * 88388, (row.lat - lat) * 110950)).toBeLessThan(0.05);
		}
		await undoImport(zone.db, zone.admin, r.committed!.importId);
	});

	it('roads (a MultiLineString whose parts join is merged) and parks, by administrators', async () => {
		const r = await runImport(zone.db, zone.admin, fixture('roads.geojson'), { layer: 'roads' }, 'commit');
		expect(r.counts.withProblems, JSON.stringify(r.problems)).toBe(0);
		const roads = await zone.db.rows<{ code: string; road_class: string; oneway: boolean; speed_kmh: number; length_m: number }>(sql`
			select code, road_class, oneway, speed_kmh, length_m from roads order by code`);
		expect(roads.map((x) => [x.code, x.road_class, x.oneway, x.speed_kmh])).toEqual([
			['R-IM-1', 'arterial', false, 50],
			['R-IM-2', 'local', true, 30]
		]);
		expect(Number(roads[1].length_m)).toBeGreaterThan(880);
		const p = await runImport(zone.db, zone.admin, fixture('parks.geojson'), { layer: 'parks' }, 'commit');
		expect(p.counts.withProblems, JSON.stringify(p.problems)).toBe(0);
		const [park] = await zone.db.rows<{ name_zh: string; kind: string; operator_zh: string; published: boolean }>(sql`
			select name_zh, kind, operator_zh, published from parks where code = 'IM2'`);
		expect(park).toEqual({ name_zh: '智能制造产业园', kind: 'industrial_park', operator_zh: '智能制造产业园运营公司', published: false });
		await undoImport(zone.db, zone.admin, p.committed!.importId);
		await undoImport(zone.db, zone.admin, r.committed!.importId);
		expect(await zone.db.rows(sql`select 1 from roads`)).toEqual([]);
		expect(await zone.db.rows(sql`select 1 from parks where code = 'IM2'`)).toEqual([]);
	});
});
