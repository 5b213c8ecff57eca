/**
 * New and retired records (issue 11) on both databases: plots and buildings drawn in a park
 * under the boundary rules (valid, inside the park — not in its hole — no overlap beyond a
 * sliver), in the editor's own parks only; retired records leave the public map and the finder
 * and come back restored; facilities created, moved, retired; roads drawn, changed, deleted or
 * replaced by an import — and the tour router uses each change at once. Every write audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Geometry, Position } from 'geojson';
import type { Database } from '../../src/lib/server/db/client';
import { createUser, userByEmail, type SessionUser } from '../../src/lib/server/auth';
import { PermissionError } from '../../src/lib/server/auth/permissions';
import { EditValidationError, updatePlot } from '../../src/lib/server/editing';
import { createBuilding, createPlot, reinstateRecord, requireParkScope, retireRecord } from '../../src/lib/server/editing/lifecycle';
import { createPark } from '../../src/lib/server/parks';
import { createIndustry } from '../../src/lib/server/taxonomy';
import { createFacility, listFacilities, setFacilityRetired, updateFacility } from '../../src/lib/server/facilities';
import { createRoad, deleteRoad, updateRoad } from '../../src/lib/server/roads';
import { routeTour } from '../../src/lib/server/tours/graph';
import { runImport } from '../../src/lib/server/import';
import { undoImport } from '../../src/lib/server/import/undo';
import { rankSites, searchSites } from '../../src/lib/server/search';
import { parseFinderQuery } from '../../src/lib/domain/finder';
import { parkCreateSchema } from '../../src/lib/domain/admin-schemas';
import { buildingCreateSchema, plotEditOf } from '../../src/lib/domain/edit-schemas';
import { MODE, openEmptyDatabase } from './db';
import { G, newPlot } from './admin-fixtures';

const plot = (code: string, boundary: Geometry, published = true) =>
	newPlot(code, boundary, { plotRatioMin: 1, plotRatioMax: 2.5, leaseTermYears: 50, readinessItems: ['road', 'power'], published });

const building = (code: string, footprint: Geometry) =>
	buildingCreateSchema.parse({
		code,
		nameZh: '一号厂房',
		nameEn: 'Factory 1',
		footprint,
		kind: 'standard_factory',
		floors: 3,
		grossAreaM2: 6000,
		leasableAreaM2: 5000,
		rentYuanPerM2Day: 0.6,
		ownerName: '园区公司',
		operatorName: null,
		businessFormats: [],
		taxTier: 'none',
		published: true
	});

describe(`new and retired records (${MODE})`, () => {
	let db: Database;
	let admin: SessionUser;
	let staff: SessionUser;
	let editor: SessionUser;
	let other: SessionUser;
	beforeAll(async () => {
		db = await openEmptyDatabase();
		await createUser(db, { email: 'admin@zone.example', displayName: '管理员', password: 'admin-password-1', role: 'admin' });
		admin = (await userByEmail(db, 'admin@zone.example'))!;
		await createIndustry(db, admin, { code: 'nm', nameZh: '新材料', nameEn: 'New materials', group: 'leading' });
		const park = (code: string, boundary: Geometry) =>
			createPark(
				db,
				admin,
				parkCreateSchema.parse({
					code,
					nameZh: code,
					nameEn: code,
					kind: 'industrial_park',
					operatorZh: '运营',
					operatorEn: 'Operator',
					boundary,
					published: true
				})
			);
		await park('AP', G.park);
		await park('HL', G.harbinPark);
		await createUser(db, { email: 'staff@zone.example', displayName: '招商', password: 'staff-password-1', role: 'staff' });
		await createUser(db, { email: 'ed@zone.example', displayName: '编辑', password: 'editor-password-1', role: 'park_editor', parkCodes: ['AP'] });
		await createUser(db, { email: 'hl@zone.example', displayName: '哈尔滨编辑', password: 'editor-password-2', role: 'park_editor', parkCodes: ['HL'] });
		staff = (await userByEmail(db, 'staff@zone.example'))!;
		editor = (await userByEmail(db, 'ed@zone.example'))!;
		other = (await userByEmail(db, 'hl@zone.example'))!;
	});
	afterAll(() => db?.close());

	const audits = (entity: string, id: string) =>
		db.rows<{ action: string; before: unknown; after: unknown }>(
			sql`select action, before, after from audit_entries where entity = ${entity} and entity_id = ${id} order by id`
		);
	const publicCodes = async () =>
		(await rankSites(db, parseFinderQuery(new URLSearchParams()).query, { offset: 0, limit: 10_000 })).ranked.map((r) => r.code).sort();

	it('an editor draws plots in their own park only; the park is checked before the body', async () => {
		await expect(requireParkScope(db, other, 'AP')).rejects.toBeInstanceOf(PermissionError);
		await expect(requireParkScope(db, null, 'AP')).rejects.toMatchObject({ status: 401 });
		await expect(requireParkScope(db, editor, 'NOPE')).rejects.toMatchObject({ status: 404 });
		await expect(createPlot(db, other, 'AP', plot('X-1', G.plot1))).rejects.toBeInstanceOf(PermissionError);
		const p = await createPlot(db, editor, 'AP', plot('AP-1', G.plot1));
		expect(p).toMatchObject({ code: 'AP-1', published: true, retiredAt: null, version: 1 });
		expect(p.areaM2).toBeGreaterThan(38_000);
		expect(p.areaM2).toBeLessThan(40_000);
		await createPlot(db, other, 'HL', plot('HL-1', G.harbinPlot));
		const [a] = await audits('plot', 'AP-1');
		expect(a).toMatchObject({ action: 'create', before: null, after: { code: 'AP-1' } });
		expect(await publicCodes()).toEqual(['AP-1', 'HL-1']);
		await expect(createPlot(db, editor, 'AP', plot('AP-1', G.plot2))).rejects.toMatchObject({ fields: { code: 'admin.code_taken' } });
	});

	it('refuses a plot outside its park, in a hole of the park, overlapping another, or not a valid polygon; a sliver passes', async () => {
		const refused = async (code: string, g: Geometry, key: string) => {
			const e = (await createPlot(db, editor, 'AP', plot(code, g)).catch((x: unknown) => x)) as EditValidationError;
			expect(e, code).toBeInstanceOf(EditValidationError);
			expect(e.fields, code).toEqual({ geometry: key });
			expect(e.problems.length, code).toBeGreaterThan(0);
		};
		await refused('AP-H', G.plotInHole, 'edit.outside_park');
		await refused('AP-O', G.harbinPlot, 'edit.outside_park');
		await refused('AP-X', G.plotOverlapping, 'edit.overlap');
		await refused('AP-B', G.plotBowtie, 'edit.invalid_geometry');
		await createPlot(db, editor, 'AP', plot('AP-S', G.plotSliver));
		await createPlot(db, editor, 'AP', plot('AP-2', G.plot2, false));
		const [n] = await db.rows<{ n: number }>(sql`select count(*)::int as n from plots`);
		expect(n.n).toBe(4);
	});

	it('draws a building on a plot under the same rules; it belongs to the plot it stands on', async () => {
		const b = await createBuilding(db, editor, 'AP', building('B-1', G.building));
		const [row] = await db.rows<{ plot: string }>(sql`select p.code as plot from buildings b join plots p on p.id = b.plot_id where b.code = 'B-1'`);
		expect(row.plot).toBe('AP-1');
		expect(b).toMatchObject({ grossAreaM2: 6000, leasableAreaM2: 5000, published: true });
		await expect(createBuilding(db, editor, 'AP', building('B-2', G.buildingOverlapping))).rejects.toMatchObject({ fields: { geometry: 'edit.overlap' } });
		await expect(createBuilding(db, other, 'AP', building('B-3', G.harbinPlot))).rejects.toBeInstanceOf(PermissionError);
		expect(() => building('B-4', G.building) && buildingCreateSchema.parse({ ...building('B-4', G.building), leasableAreaM2: 9000 })).toThrow();
	});

	it('retires a record: kept with its history, off the public map and finder, not editable; restored as it was', async () => {
		const before = await createPlot(
			db,
			editor,
			'AP',
			plot('AP-R', {
				type: 'Polygon',
				coordinates: [
					[
						[118.506, 37.406],
						[118.508, 37.406],
						[118.508, 37.408],
						[118.506, 37.408],
						[118.506, 37.406]
					]
				]
			})
		);
		expect(await publicCodes()).toContain('AP-R');
		await expect(retireRecord(db, other, 'plot', 'AP-R', before.version)).rejects.toBeInstanceOf(PermissionError);
		await expect(retireRecord(db, editor, 'plot', 'AP-R', before.version + 5)).rejects.toMatchObject({ status: 409 });
		const retired = await retireRecord(db, editor, 'plot', 'AP-R', before.version);
		expect(retired).toMatchObject({ published: false, retiredAt: expect.any(String) });
		expect(await publicCodes()).not.toContain('AP-R');
		const [tile] = await db.rows<{ n: number }>(sql`select count(*)::int as n from plots where code = 'AP-R' and published`);
		expect(tile.n).toBe(0);
		await expect(updatePlot(db, editor, 'AP-R', plotEditOf(retired as never, { notes: 'x' }))).rejects.toMatchObject({ fields: { form: 'edit.retired' } });
		await expect(retireRecord(db, editor, 'plot', 'AP-R', retired.version)).rejects.toMatchObject({ fields: { form: 'edit.no_change' } });
		// Its ground is free while it is retired: a new plot there is allowed; restoring then is refused, naming it.
		const squatter = await createPlot(
			db,
			editor,
			'AP',
			plot('AP-N', {
				type: 'Polygon',
				coordinates: [
					[
						[118.5065, 37.4065],
						[118.5075, 37.4065],
						[118.5075, 37.4075],
						[118.5065, 37.4075],
						[118.5065, 37.4065]
					]
				]
			})
		);
		await expect(reinstateRecord(db, editor, 'plot', 'AP-R', retired.version)).rejects.toMatchObject({
			fields: { geometry: 'edit.overlap' },
			message: expect.stringContaining('AP-N')
		});
		await retireRecord(db, editor, 'plot', 'AP-N', squatter.version);
		const back = await reinstateRecord(db, editor, 'plot', 'AP-R', retired.version);
		expect(back).toMatchObject({ published: true, retiredAt: null });
		expect(await publicCodes()).toContain('AP-R');
		expect((await audits('plot', 'AP-R')).map((a) => a.action)).toEqual(['create', 'retire', 'restore']);
		// A retired code is not reused silently.
		await expect(createPlot(db, editor, 'AP', plot('AP-N', G.plot2))).rejects.toMatchObject({ fields: { code: 'edit.code_retired' } });
		// Buildings too.
		const b = (await db.rows<{ version: number }>(sql`select version from buildings where code = 'B-1'`))[0];
		await retireRecord(db, editor, 'building', 'B-1', Number(b.version));
		expect((await audits('building', 'B-1')).map((a) => a.action)).toEqual(['create', 'retire']);
	});

	it('facilities: staff create, move and retire them; editors may not; retired ones leave the public lists', async () => {
		const input = {
			code: 'EXIT-1',
			kind: 'highway_exit' as const,
			nameZh: '园区高速口',
			nameEn: 'Park exit',
			location: G.facility as [number, number],
			published: true
		};
		await expect(createFacility(db, editor, input)).rejects.toBeInstanceOf(PermissionError);
		const f = await createFacility(db, staff, input);
		expect(f.location).toEqual([118.505, 37.407]);
		const moved = await updateFacility(db, admin, 'EXIT-1', { ...input, version: f.version, location: [118.506, 37.4075] });
		expect(moved.location).toEqual([118.506, 37.4075]);
		await expect(updateFacility(db, staff, 'EXIT-1', { ...input, version: f.version })).rejects.toMatchObject({ status: 409 });
		const near = () => searchSites(db, parseFinderQuery(new URLSearchParams('near=highway_exit&withinKm=5&pageSize=50')).query);
		expect((await near()).total).toBeGreaterThan(0);
		const retired = await setFacilityRetired(db, staff, 'EXIT-1', moved.version, true);
		expect(retired).toMatchObject({ published: false, retiredAt: expect.any(String) });
		expect((await near()).total).toBe(0);
		await expect(updateFacility(db, staff, 'EXIT-1', { ...input, version: retired.version })).rejects.toMatchObject({ fields: { form: 'edit.retired' } });
		const back = await setFacilityRetired(db, staff, 'EXIT-1', retired.version, false);
		expect(back.published).toBe(true);
		expect((await listFacilities(db, staff)).map((x) => x.code)).toEqual(['EXIT-1']);
		expect((await audits('facility', 'EXIT-1')).map((a) => a.action)).toEqual(['create', 'update', 'retire', 'restore']);
	});

	it('roads drawn, changed and deleted on the map are what the next tour plan routes on', async () => {
		const stops: Position[] = [
			[118.5, 37.4052],
			[118.52, 37.4062]
		];
		expect((await routeTour(db, stops)).estimated).toBe(true);
		await expect(
			createRoad(db, editor, { nameZh: '', nameEn: '', roadClass: 'local', oneway: false, speedKmh: 30, coordinates: G.road.coordinates as [number, number][] })
		).rejects.toBeInstanceOf(PermissionError);
		const road = await createRoad(db, staff, {
			nameZh: '园区大道',
			nameEn: 'Park Avenue',
			roadClass: 'arterial',
			oneway: false,
			speedKmh: 50,
			coordinates: G.road.coordinates as [number, number][]
		});
		const routed = await routeTour(db, stops);
		expect(routed.estimated).toBe(false);
		const slow = await updateRoad(db, staff, road.id, { ...road, speedKmh: 10 });
		expect((await routeTour(db, stops)).durationS).toBeGreaterThan(routed.durationS * 3);
		await expect(
			createRoad(db, staff, {
				nameZh: '',
				nameEn: '',
				roadClass: 'local',
				oneway: false,
				speedKmh: 30,
				coordinates: [
					[118.5, 37.4],
					[118.5, 37.4]
				]
			})
		).rejects.toMatchObject({
			fields: { coordinates: 'admin.road_too_short' }
		});
		await deleteRoad(db, staff, road.id, slow.version);
		expect((await routeTour(db, stops)).estimated).toBe(true);
		expect((await audits('road', String(road.id))).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
	});

	it('an import replaces the whole road network when asked; undo puts the old roads back', async () => {
		const keep = await createRoad(db, staff, {
			nameZh: '旧路',
			nameEn: 'Old road',
			roadClass: 'local',
			oneway: false,
			speedKmh: 30,
			coordinates: [
				[118.53, 37.401],
				[118.54, 37.401]
			]
		});
		const file = { name: 'roads.geojson', bytes: new Uint8Array(readFileSync('tests/fixtures/admin/roads.geojson')) };
		const report = await runImport(db, admin, file, { layer: 'roads', replaceRoads: true }, 'commit');
		expect(report.committed).toMatchObject({ created: 2, deleted: 1 });
		const names = async () => (await db.rows<{ code: string | null }>(sql`select code from roads order by id`)).map((r) => r.code);
		expect(await names()).toEqual(['R-1', 'R-2']);
		expect(
			(
				await routeTour(db, [
					[118.5, 37.4052],
					[118.52, 37.4062]
				])
			).estimated
		).toBe(false);
		await undoImport(db, admin, report.committed!.importId);
		const after = await db.rows<{ id: number; name_zh: string }>(sql`select id, name_zh from roads order by id`);
		expect(after).toEqual([{ id: keep.id, name_zh: '旧路' }]);
	});
});
