/**
 * Exports: field names cut for DBF without clashes, GBK text that GBK decoders read back, the
 * public API's token bucket, and each format written from a fixture of real-world shapes
 * (a MultiPolygon with a hole, a sliver a centimetre wide, a plot at 78° N, text beyond GBK
 * and longer than a DBF field) read back by GDAL with the same records, values and vertices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import wkx from 'wkx';
import type { Geometry } from 'geojson';
import { shortFieldNames } from '../../src/lib/domain/export-fields';
import { encodeGbk } from '../../src/lib/server/export/gbk';
import { RateLimiter } from '../../src/lib/server/guard/public-api';
import { writeTable } from '../../src/lib/server/export';
import type { ExportTable } from '../../src/lib/server/export/table';
import { EXPORT_FORMATS, type ExportFormat } from '../../src/lib/domain/export-formats';
import { en, zh } from '../../src/lib/i18n/messages';

const fixture = JSON.parse(readFileSync('tests/fixtures/export/records.geojson', 'utf8')) as {
	features: { properties: Record<string, string | number | boolean | null>; geometry: Geometry }[];
};
const FIELDS: ExportTable['fields'] = [
	{ key: 'code', label: '编号', type: 'text' },
	{ key: 'name', label: '名称', type: 'text' },
	{ key: 'status', label: '供应状态', type: 'text' },
	{ key: 'area_value', label: '面积', type: 'number' },
	{ key: 'area_value_rounded', label: '面积（取整）', type: 'number' },
	{ key: 'floors', label: '层数', type: 'integer' },
	{ key: 'published', label: '已公开', type: 'boolean' },
	{ key: 'available', label: '可供日期', type: 'date' },
	{ key: 'notes', label: '备注', type: 'text' }
];
const table: ExportTable = {
	name: 'records',
	title: '地块',
	geometry: 'MultiPolygon',
	fields: FIELDS,
	rows: fixture.features.map((f) => ({
		geometry: f.geometry,
		values: { ...f.properties, area_value: f.properties.area, area_value_rounded: Math.round(Number(f.properties.area)) }
	}))
};

let work: string;
beforeAll(() => {
	work = mkdtempSync(path.join(tmpdir(), 'siteatlas-export-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What GDAL reads from a file: its features as GeoJSON (full precision). */
function gdalRead(file: string, open: string[] = []): { properties: Record<string, unknown>; geometry: Geometry | null }[] {
	const out = execFileSync('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file, ...open, '-lco', 'RFC7946=NO', '-lco', 'COORDINATE_PRECISION=15'], {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	return JSON.parse(out).features;
}

const positions = (g: Geometry | null): number[][] => {
	if (!g) return [];
	const out: number[][] = [];
	const walk = (c: unknown) => (typeof (c as number[])[0] === 'number' ? out.push(c as number[]) : (c as unknown[]).forEach(walk));
	if (g.type !== 'GeometryCollection') walk(g.coordinates);
	return out;
};
/** Vertices as a set of "x y" strings: the same points, whatever the ring's winding. */
const vertexSet = (g: Geometry | null) => new Set(positions(g).map((p) => `${p[0]} ${p[1]}`));

describe('DBF field names', () => {
	it('cuts names to ten characters and numbers the ones that would clash', () => {
		expect(shortFieldNames(['code', 'building_density', 'building_distance', 'CODE', 'area_value', 'area_value_rounded', '面积'])).toEqual([
			'code',
			'building_d',
			'building_1',
			'CODE_1',
			'area_value',
			'area_val_1',
			'__'
		]);
		const many = shortFieldNames(Array.from({ length: 12 }, (_, i) => `same_prefix_${i}`));
		expect(new Set(many.map((n) => n.toLowerCase())).size).toBe(12);
		expect(many.every((n) => n.length <= 10)).toBe(true);
	});
});

describe('GBK text', () => {
	it('writes what a GBK decoder reads back, and ? for what GBK cannot hold', () => {
		const text = '东营港经济开发区 新材料产业园 ABC-01（一期）';
		expect(new TextDecoder('gbk').decode(encodeGbk(text))).toBe(text);
		expect(new TextDecoder('gbk').decode(encodeGbk('a𠀀b☃'))).toBe('a?b?');
	});
});

describe('the public API’s rate limit', () => {
	it('lets a burst of the minute’s allowance through, then says how long to wait, and refills', () => {
		const limit = new RateLimiter(3);
		const t0 = 1_000_000;
		expect([limit.take('a', t0), limit.take('a', t0), limit.take('a', t0)]).toEqual([null, null, null]);
		expect(limit.take('a', t0)).toBe(20);
		expect(limit.take('b', t0)).toBeNull();
		expect(limit.take('a', t0 + 20_000)).toBeNull();
		expect(limit.take('a', t0 + 20_000)).toBe(20);
	});
});

describe('every format, read back by GDAL', () => {
	const written = new Map<ExportFormat, string>();
	beforeAll(async () => {
		for (const f of EXPORT_FORMATS) {
			const file = path.join(work, `records.${f === 'shp' ? 'zip' : f}`);
			writeFileSync(file, await writeTable(table, f, { nameField: 'code', encoding: 'utf-8' }));
			written.set(f, f === 'shp' ? `/vsizip/${file}` : file);
		}
		const gbk = path.join(work, 'records-gbk.zip');
		writeFileSync(gbk, await writeTable(table, 'shp', { encoding: 'gbk' }));
		written.set('gbk' as ExportFormat, `/vsizip/${gbk}`);
	}, 60_000);

	const source = table.rows;
	const norm = (v: unknown) => (v === '' || v === undefined ? null : v);

	it('GeoJSON and GeoPackage hold every record, value and vertex exactly', () => {
		for (const f of ['geojson', 'gpkg'] as const) {
			const back = gdalRead(written.get(f)!);
			expect(back, f).toHaveLength(source.length);
			back.forEach((b, i) => {
				for (const field of FIELDS) expect(norm(b.properties[field.key]), `${f} ${field.key}`).toEqual(norm(source[i].values[field.key]));
				expect(positions(b.geometry), f).toEqual(positions(source[i].geometry));
			});
		}
	}, 60_000);

	it('KML holds every record with its values as text and every vertex', () => {
		const back = gdalRead(written.get('kml')!);
		expect(back).toHaveLength(source.length);
		back.forEach((b, i) => {
			expect(b.properties.Name).toBe(source[i].values.code);
			expect(b.properties.name_).toBe(source[i].values.name);
			expect(norm(b.properties.notes)).toEqual(norm(source[i].values.notes));
			expect(Number(b.properties.area_value)).toBe(source[i].values.area_value);
			expect(vertexSet(b.geometry)).toEqual(vertexSet(source[i].geometry));
		});
	}, 60_000);

	it('CSV (with a BOM) and Excel hold every record under the readers’ headers, with lon/lat and the WKT', () => {
		const csv = readFileSync(written.get('csv')!);
		expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		for (const f of ['csv', 'xlsx'] as const) {
			const back = gdalRead(written.get(f)!, f === 'xlsx' ? ['-oo', 'HEADERS=FORCE', '-oo', 'FIELD_TYPES=STRING'] : []);
			expect(back, f).toHaveLength(source.length);
			back.forEach((b, i) => {
				expect(b.properties['编号']).toBe(source[i].values.code);
				expect(b.properties['名称']).toBe(source[i].values.name);
				expect(Number(b.properties['面积'])).toBe(source[i].values.area_value);
				expect(String(b.properties['已公开'])).toBe(String(source[i].values.published));
				const g = (wkx.Geometry.parse(String(b.properties.wkt)) as unknown as { toGeoJSON(): Geometry }).toGeoJSON();
				expect(positions(g), f).toEqual(positions(source[i].geometry));
				expect(Number(b.properties.lon)).toBeGreaterThan(positions(source[i].geometry)[0][0] - 0.1);
			});
		}
	}, 60_000);

	it('Shapefile: short names, outer rings clockwise, the same vertices, text cut at a character in UTF-8 and GBK', () => {
		for (const f of ['shp', 'gbk'] as const) {
			const back = gdalRead(written.get(f as ExportFormat)!);
			expect(back, f).toHaveLength(source.length);
			back.forEach((b, i) => {
				const v = source[i].values;
				expect(b.properties.code).toBe(v.code);
				expect(b.properties.area_value).toBe(v.area_value);
				expect(b.properties.area_val_1).toBe(v.area_value_rounded);
				expect(norm(b.properties.floors)).toBe(v.floors);
				// GDAL reads a DBF logical as T / F.
				expect(b.properties.published).toBe(v.published ? 'T' : 'F');
				expect(norm(b.properties.available)).toBe(v.available);
				const notes = String(b.properties.notes ?? '');
				expect(notes).not.toContain('\ufffd');
				expect(String(v.notes).startsWith(notes)).toBe(true);
				expect(vertexSet(b.geometry)).toEqual(vertexSet(source[i].geometry));
			});
			// Text beyond GBK survives in UTF-8 and becomes ? in GBK; Chinese survives in both.
			expect(back[0].properties.name).toBe(source[0].values.name);
			expect(back[2].properties.name).toBe(f === 'shp' ? source[2].values.name : 'Longyearbyen ? ? ? — beyond GBK');
		}
		// The long note is cut below the DBF's 254 bytes, and only there.
		const long = gdalRead(written.get('shp')!)[2].properties.notes as string;
		expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(254);
		expect(long.length).toBeGreaterThan(60);
		// Outer rings are wound clockwise in the .shp (GDAL reads the hole as a hole).
		const first = gdalRead(written.get('shp')!)[0].geometry as { type: string; coordinates: number[][][][] };
		expect(first.type).toBe('MultiPolygon');
		expect(first.coordinates[0]).toHaveLength(2);
	}, 60_000);

	it('names every exported field in both languages', () => {
		const keys = Object.keys(zh).filter((k) => k.startsWith('export.field.'));
		expect(keys.length).toBeGreaterThan(60);
		for (const k of keys) {
			expect(en[k as keyof typeof en], k).toBeTruthy();
			expect(en[k as keyof typeof en]).not.toBe(zh[k as keyof typeof zh]);
		}
	});
});
