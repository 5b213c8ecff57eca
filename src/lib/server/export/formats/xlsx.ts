/**
 * Excel workbook: one sheet, headers in the reader's language, numbers as numbers, frozen
 * header row; records with a geometry get longitude, latitude and WKT columns as in CSV (a WKT
 * longer than a cell holds, 32,767 characters, is left out of that cell).
 */
import ExcelJS from 'exceljs';
import type { ExportTable } from '../table';
import { CSV_COLUMNS } from './csv';
import { pointOf, wktOf } from './positions';

const CELL_MAX = 32_767;

export async function writeXlsx(t: ExportTable): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'SiteAtlas';
	const ws = wb.addWorksheet(t.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
	const head = [...t.fields.map((f) => f.label), ...(t.geometry ? [CSV_COLUMNS.lon, CSV_COLUMNS.lat, CSV_COLUMNS.wkt] : [])];
	ws.addRow(head).font = { bold: true };
	for (const r of t.rows) {
		const values: (string | number | boolean | null)[] = t.fields.map((f) => r.values[f.key] ?? null);
		if (t.geometry) {
			const p = pointOf(r.geometry);
			const wkt = wktOf(r.geometry);
			values.push(p?.[0] ?? null, p?.[1] ?? null, wkt.length <= CELL_MAX ? wkt : null);
		}
		ws.addRow(values);
	}
	ws.columns.forEach((c, i) => (c.width = Math.min(40, Math.max(10, (head[i] ?? '').length * 2 + 4))));
	return new Uint8Array(await wb.xlsx.writeBuffer());
}
