/**
 * Tables: CSV (UTF-8, UTF-8 with BOM or GBK; comma, semicolon, tab or bar, found by the
 * parser; quoted fields may hold delimiters and line breaks) and Excel `.xlsx` (the first
 * sheet with rows, row 1 the header). Geometry comes from a WKT column, or from lon/lat or
 * X/Y columns as points; a table without either is an attribute table (units of buildings).
 * Spreadsheet formulas are never evaluated: such a cell is a problem of its row.
 */
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import wkx from 'wkx';
import type { Geometry } from 'geojson';
import { axesSwapped } from '../../../geo/gauss-kruger';
import { normalName } from '../../../domain/import/targets';
import { numberOf } from '../../../domain/import/values';
import { decodeText } from '../encoding';
import { ImportFileError } from '../errors';
import type { ImportFormat, ReadOptions, SourceFeature, SourceFile } from '../source';
import { unzip } from '../zip';

type Row = { index: number; values: Record<string, unknown>; problem?: SourceFeature['problem'] };

const WKT_NAMES = ['wkt', 'geom', 'geometry', 'thegeom', 'shape', 'wktgeom', '几何', '图形', '空间信息'];
const XY_PAIRS: [string[], string[], boolean][] = [
	[['lon', 'lng', 'long', 'longitude', '经度', 'jd'], ['lat', 'latitude', '纬度', 'wd'], false],
	[['x', 'x坐标', 'xzb', '横坐标', 'easting', '东坐标', 'e'], ['y', 'y坐标', 'yzb', '纵坐标', 'northing', '北坐标', 'n'], true]
];

function findColumn(columns: string[], names: string[]): string | null {
	const byNorm = new Map(columns.map((c) => [normalName(c), c]));
	for (const n of names) {
		const c = byNorm.get(normalName(n));
		if (c) return c;
	}
	return null;
}

function wktGeometry(text: unknown): Geometry | null | undefined {
	if (text === null || text === undefined || String(text).trim() === '') return null;
	try {
		return (wkx.Geometry.parse(String(text).trim()) as unknown as { toGeoJSON(): Geometry }).toGeoJSON();
	} catch {
		return undefined;
	}
}

function tableSource(format: ImportFormat, columns: string[], rows: Row[], encoding: SourceFile['encoding'], notes: SourceFile['notes']): SourceFile {
	const wktColumn = findColumn(columns, WKT_NAMES);
	let x: string | null = null;
	let y: string | null = null;
	let projected = false;
	if (!wktColumn) {
		for (const [xs, ys, isProjected] of XY_PAIRS) {
			const [cx, cy] = [findColumn(columns, xs), findColumn(columns, ys)];
			if (cx && cy) {
				[x, y, projected] = [cx, cy, isProjected];
				break;
			}
		}
	}
	let swap = false;
	if (x && y && projected) {
		const xs = rows.map((r) => numberOf(r.values[x!])).filter((v): v is number => v !== null);
		const ys = rows.map((r) => numberOf(r.values[y!])).filter((v): v is number => v !== null);
		if (xs.length && ys.length) swap = axesSwapped([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
	}
	if (wktColumn) notes.push({ key: 'import.note_wkt_column', params: { column: wktColumn } });
	else if (x && y) notes.push({ key: swap ? 'import.note_axes_swapped' : 'import.note_xy_columns', params: { x, y } });
	else notes.push({ key: 'import.note_table', params: {} });
	const geometryColumns = new Set([wktColumn, x, y].filter(Boolean) as string[]);
	const attributeColumns = columns.filter((c) => !geometryColumns.has(c));
	const features: SourceFeature[] = rows.map((r) => {
		const properties = Object.fromEntries(attributeColumns.map((c) => [c, r.values[c] ?? null]));
		if (r.problem) return { index: r.index, geometry: null, properties, problem: r.problem };
		if (wktColumn) {
			const g = wktGeometry(r.values[wktColumn]);
			if (g === undefined) return { index: r.index, geometry: null, properties, problem: { key: 'import.wkt_invalid' } };
			return { index: r.index, geometry: g, properties };
		}
		if (x && y) {
			const [vx, vy] = [numberOf(r.values[x]), numberOf(r.values[y])];
			if (vx === null || vy === null) return { index: r.index, geometry: null, properties, problem: { key: 'import.xy_invalid', params: { x, y } } };
			return { index: r.index, geometry: { type: 'Point', coordinates: swap ? [vy, vx] : [vx, vy] }, properties };
		}
		return { index: r.index, geometry: null, properties };
	});
	return {
		format,
		crs: null,
		encoding,
		columns: attributeColumns,
		notes,
		async *features() {
			yield* features;
		}
	};
}

export function readCsv(bytes: Uint8Array, options: ReadOptions): SourceFile {
	const { text, choice } = decodeText(bytes, options.encoding);
	const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
	const columns = (parsed.meta.fields ?? []).filter((c) => c !== '');
	if (!columns.length) throw new ImportFileError('import.csv_no_header');
	const broken = new Map<number, string>();
	for (const e of parsed.errors) if (e.row !== undefined && e.code !== 'UndetectableDelimiter') broken.set(e.row, e.code);
	const rows: Row[] = parsed.data.map((values, i) => ({
		index: i + 1,
		values,
		problem: broken.has(i) ? { key: 'import.xy_invalid' as const, params: { x: 'row', y: broken.get(i)! } } : undefined
	}));
	return tableSource('csv', columns, rows, choice, []);
}

function cellValue(v: ExcelJS.CellValue): { value: unknown; formula?: boolean } {
	if (v === null || v === undefined) return { value: null };
	if (v instanceof Date || typeof v !== 'object') return { value: v };
	if ('formula' in v || 'sharedFormula' in v) return { value: null, formula: true };
	if ('richText' in v) return { value: v.richText.map((t) => t.text).join('') };
	if ('text' in v) return { value: (v as { text: unknown }).text };
	if ('error' in v) return { value: null };
	return { value: String(v) };
}

export async function readXlsx(bytes: Uint8Array, options: ReadOptions): Promise<SourceFile> {
	// The zip limits first: ExcelJS would inflate whatever the archive holds.
	unzip(bytes, options);
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
	} catch {
		throw new ImportFileError('import.xlsx_broken');
	}
	const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
	if (!sheet) throw new ImportFileError('import.csv_no_header');
	const header = sheet.getRow(1);
	const columns: string[] = [];
	header.eachCell({ includeEmpty: false }, (cell, col) => {
		columns[col - 1] = String(cellValue(cell.value).value ?? '').trim();
	});
	const names = columns.map((c, i) => c || `column${i + 1}`);
	const rows: Row[] = [];
	for (let r = 2; r <= sheet.rowCount; r++) {
		const row = sheet.getRow(r);
		if (!row.hasValues) continue;
		const values: Record<string, unknown> = {};
		let formula: string | null = null;
		names.forEach((name, i) => {
			if (!columns[i]) return;
			const cell = row.getCell(i + 1);
			const v = cellValue(cell.value);
			if (v.formula) formula ??= cell.address;
			values[name] = v.value;
		});
		rows.push({ index: rows.length + 1, values, problem: formula ? { key: 'import.formula', params: { cell: formula } } : undefined });
	}
	return tableSource(
		'xlsx',
		names.filter((_, i) => columns[i]),
		rows,
		{ encoding: 'utf-8', rule: 'declared' },
		[{ key: 'import.note_sheet', params: { sheet: sheet.name } }]
	);
}
