/**
 * Fidelity against the reference implementation: the same plots in every format and CRS,
 * imported and read back from PostGIS, agree with GDAL/PROJ (`ogr2ogr -t_srs EPSG:4326`)
 * vertex by vertex within 0.05 m, with the same count and attributes, areas within 0.1% of
 * PostGIS's geography area of GDAL's geometry — and every format gives identical rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Feature, Geometry, Position } from 'geojson';
import { landUseOf } from '../../../src/lib/domain/import/land-use';
import { undoImport } from '../../../src/lib/server/import';
import { MODE } from '../db';
import { importZone, ogrReference, run, type ImportZone } from './helpers';

interface Row {
	code: string;
	land_use: string;
	area_m2: number;
	plot_ratio_min: number | null;
	plot_ratio_max: number | null;
	owner_name: string | null;
	notes: string;
	boundary: string;
}

/** Every vertex of a geometry (closing repeats left out). */
function vertices(g: Geometry): Position[] {
	const out: Position[] = [];
	const rings = g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
	for (const r of rings) out.push(...r.slice(0, -1));
	return out;
}

/** Metres between two lon/lat positions (local flat approximation, exact enough at centimetres). */
const metres = (a: Position, b: Position) => Math.hypot((a[0] - b[0]) * 111320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 110574);

/** The largest distance from a vertex of `ours` to the nearest vertex of `ref`, with equal vertex counts. */
function maxVertexError(ours: Geometry, ref: Geometry): number {
	const [a, b] = [vertices(ours), vertices(ref)];
	expect(a.length).toBe(b.length);
	return Math.max(...a.map((p) => Math.min(...b.map((q) => metres(p, q)))));
}

const pick = (p: Record<string, unknown>, ...names: string[]) => names.map((n) => p[n]).find((v) => v !== undefined && v !== null);

/** The formats and CRSs of the same plots, with how GDAL reads each (the red-line file has no GDAL driver: its reference is the source). */
const CASES: {
	file: string;
	ref?: string;
	refArgs?: string[];
	options?: Record<string, unknown>;
	crs: string | null;
	encoding?: string;
	rule?: string;
	plots: number;
	fields: ('owner' | 'notes' | 'ratio')[];
}[] = [
	{ file: 'plots.geojson', crs: 'EPSG:4326', plots: 7, fields: ['owner', 'notes', 'ratio'] },
	{ file: 'legacy-crs-4528.geojson', crs: 'EPSG:4528', rule: 'crs_member', plots: 7, fields: ['owner', 'notes', 'ratio'] },
	{ file: 'plots.topojson', refArgs: ['-s_srs', 'EPSG:4326'], crs: 'EPSG:4326', plots: 7, fields: ['owner', 'notes', 'ratio'] },
	{ file: 'gk3-prefix-gbk-nocpg.zip', crs: 'EPSG:4528', encoding: 'gbk', rule: 'prj', plots: 7, fields: ['owner', 'notes', 'ratio'] },
	{ file: 'gk3-prefix-gbk-guess.zip', ref: 'gk3-prefix-gbk-nocpg.zip', crs: 'EPSG:4528', encoding: 'gbk', plots: 7, fields: ['owner', 'notes', 'ratio'] },
	{ file: 'gk3-plain-noprj.zip', refArgs: ['-s_srs', 'EPSG:4549'], crs: 'EPSG:4549', rule: 'nearest_meridian', plots: 7, fields: ['owner', 'notes', 'ratio'] },
	{ file: 'utm50.zip', crs: 'EPSG:32650', rule: 'prj', plots: 7, fields: ['owner', 'notes', 'ratio'] },
	{
		file: 'xian80.zip',
		refArgs: ['-s_srs', '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=IAU76 +towgs84=24,-123,-94,0.02,-0.25,-0.13,1.1 +units=m +no_defs'],
		options: { crs: 'EPSG:2385', sevenParams: [24, -123, -94, 0.02, -0.25, -0.13, 1.1] },
		crs: 'EPSG:2385',
		rule: 'user',
		plots: 7,
		fields: ['owner', 'notes', 'ratio']
	},
	{ file: 'plots.kml', crs: 'EPSG:4326', rule: 'kml', plots: 7, fields: ['owner', 'notes', 'ratio'] },
	{ file: 'plots.kmz', ref: 'plots.kml', crs: 'EPSG:4326', rule: 'kml', plots: 7, fields: ['owner', 'notes', 'ratio'] },
	{
		file: 'plots-wkt-bom.csv',
		refArgs: ['-s_srs', 'EPSG:4326'],
		crs: 'EPSG:4490',
		encoding: 'utf-8',
		rule: 'lonlat',
		plots: 7,
		fields: ['owner', 'notes', 'ratio']
	},
	{ file: 'plots-wkt.xlsx', ref: 'plots.geojson', crs: 'EPSG:4490', plots: 7, fields: ['owner', 'notes', 'ratio'] },
	{ file: 'plots-4528.gpkg', crs: 'EPSG:4528', rule: 'gpkg', plots: 7, fields: ['owner', 'notes', 'ratio'] },
	{ file: 'redline-4528.txt', ref: 'plots.geojson', crs: 'EPSG:4528', encoding: 'gbk', rule: 'file_header', plots: 6, fields: [] }
];

describe(`import fidelity against GDAL (${MODE})`, () => {
	let zone: ImportZone;
	const rowsByFile = new Map<string, Map<string, Row>>();
	beforeAll(async () => {
		zone = await importZone();
	});
	afterAll(() => zone?.db.close());

	const readRows = async () =>
		new Map(
			(
				await zone.db.rows<Row>(sql`
					select code, land_use, area_m2, plot_ratio_min, plot_ratio_max, owner_name, notes, ST_AsGeoJSON(boundary, 10) as boundary
					from plots where code like 'IM-%' and code not like 'IM-EX-2'`)
			).map((r) => [r.code, r])
		);

	for (const c of CASES) {
		it(`${c.file}: ${c.crs}${c.encoding ? `, ${c.encoding}` : ''} — within 0.05 m of ogr2ogr, same attributes`, async () => {
			const report = await run(zone, c.file, c.options ?? {}, 'commit');
			expect(report.counts.withProblems, JSON.stringify(report.problems.slice(0, 3))).toBe(0);
			expect(report.crs.code).toBe(c.crs);
			if (c.rule) expect(report.crs.rule).toBe(c.rule);
			if (c.encoding) expect(report.encoding?.encoding).toBe(c.encoding);
			expect(report.committed?.created).toBe(c.plots - 1);
			expect(report.committed?.updated).toBe(1);
			const rows = await readRows();
			rowsByFile.set(c.file, rows);
			const reference = ogrReference(c.ref ?? c.file, c.refArgs);
			const refByCode = new Map(reference.features.map((f: Feature) => [String(pick(f.properties!, 'DKBH', '地块编号')), f]));
			expect(rows.size).toBe(c.plots);
			for (const [code, row] of rows) {
				const ref = refByCode.get(code)!;
				expect(ref, code).toBeDefined();
				const p = ref.properties!;
				expect(maxVertexError(JSON.parse(row.boundary), ref.geometry), `${code} vertices`).toBeLessThanOrEqual(0.05);
				const [refArea] = await zone.db.rows<{ a: number }>(sql`select ST_Area(ST_GeomFromGeoJSON(${JSON.stringify(ref.geometry)})::geography) as a`);
				expect(Math.abs(Number(row.area_m2) - Number(refArea.a)) / Number(refArea.a), `${code} area`).toBeLessThan(0.001);
				expect(row.land_use).toBe(landUseOf(pick(p, 'YDXZ', '用地性质')));
				if (c.fields.includes('owner')) expect(row.owner_name).toBe(pick(p, 'QLR', '权利人'));
				if (c.fields.includes('notes')) expect(row.notes).toBe(pick(p, 'BZ', '备注'));
				if (c.fields.includes('ratio')) expect(row.plot_ratio_min ?? row.plot_ratio_max).not.toBeNull();
			}
			// Idempotent: the same file again changes nothing.
			const again = await run(zone, c.file, c.options ?? {}, 'dry_run');
			expect(again.diff).toMatchObject({ new: 0, changed: 0, unchanged: c.plots });
			// Undo puts the zone back: the new plots gone, IM-EX-1 as it was.
			await undoImport(zone.db, zone.editor, report.committed!.importId);
			const after = await readRows();
			expect([...after.keys()]).toEqual(['IM-EX-1']);
			expect(after.get('IM-EX-1')!.land_use).toBe('logistics');
		});
	}

	it('every format gives identical rows', () => {
		const base = rowsByFile.get('plots.geojson')!;
		for (const [file, rows] of rowsByFile) {
			const c = CASES.find((x) => x.file === file)!;
			for (const [code, row] of rows) {
				const b = base.get(code)!;
				expect(row.land_use, `${file} ${code}`).toBe(b.land_use);
				expect(Math.abs(row.area_m2 - b.area_m2) / b.area_m2, `${file} ${code} area`).toBeLessThan(0.001);
				expect(maxVertexError(JSON.parse(row.boundary), JSON.parse(b.boundary)), `${file} ${code}`).toBeLessThanOrEqual(0.05);
				if (c.fields.includes('owner')) expect(row.owner_name).toBe(b.owner_name);
				if (c.fields.includes('notes')) expect(row.notes).toBe(b.notes);
				if (c.fields.includes('ratio')) expect([row.plot_ratio_min, row.plot_ratio_max]).toEqual([b.plot_ratio_min, b.plot_ratio_max]);
			}
		}
	});
});
