/**
 * CSV for Excel and for GIS: UTF-8 with a byte-order mark (so Excel shows Chinese), headers in
 * the reader's language, and for records with a geometry a longitude, latitude (a point on
 * the record) and WKT column — GDAL opens it with `-oo X_POSSIBLE_NAMES` or `GEOM_POSSIBLE_NAMES`.
 */
import { textOf, type ExportTable } from '../table';
import { pointOf, wktOf } from './positions';

export const CSV_COLUMNS = { lon: 'lon', lat: 'lat', wkt: 'wkt' };

const cell = (s: string) =>
	/[",\r\n]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${(/^[=+\-@\t]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"` : s;

export function writeCsv(t: ExportTable): Uint8Array {
	const head = [...t.fields.map((f) => f.label), ...(t.geometry ? [CSV_COLUMNS.lon, CSV_COLUMNS.lat, CSV_COLUMNS.wkt] : [])];
	const lines = [head.map(cell).join(',')];
	for (const r of t.rows) {
		const values = t.fields.map((f) => cell(textOf(r.values[f.key] ?? null)));
		if (t.geometry) {
			const p = pointOf(r.geometry);
			values.push(p ? String(p[0]) : '', p ? String(p[1]) : '', cell(wktOf(r.geometry)));
		}
		lines.push(values.join(','));
	}
	return new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`);
}
