/**
 * Exports: one table of records written in the format asked for — GeoJSON, CSV, KML,
 * GeoPackage, zipped Shapefile or Excel — as a download. Lists without geometry offer the
 * table formats only (CSV, Excel, GeoJSON with null geometries is left out: it confuses GIS).
 */
import type { ExportTable } from './table';
import { writeCsv } from './formats/csv';
import { writeGeoJson } from './formats/geojson';
import { writeGpkg } from './formats/gpkg';
import { writeKml } from './formats/kml';
import { writeShapefileZip, type ShapefileEncoding } from './formats/shapefile';
import { writeXlsx } from './formats/xlsx';
import { EXPORT_FORMATS, TABLE_FORMATS, type ExportFormat } from '../../domain/export-formats';

export type { ExportTable } from './table';

const TYPES: Record<ExportFormat, { type: string; extension: string }> = {
	geojson: { type: 'application/geo+json', extension: 'geojson' },
	csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
	kml: { type: 'application/vnd.google-earth.kml+xml', extension: 'kml' },
	gpkg: { type: 'application/geopackage+sqlite3', extension: 'gpkg' },
	shp: { type: 'application/zip', extension: 'zip' },
	xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' }
};

/** The formats a table can be written in. */
export const formatsFor = (t: Pick<ExportTable, 'geometry'>): readonly ExportFormat[] => (t.geometry ? EXPORT_FORMATS : TABLE_FORMATS);

export interface ExportOptions {
	/** Text encoding of a shapefile's DBF. */
	encoding?: ShapefileEncoding;
	/** The field that names a KML placemark. */
	nameField?: string;
}

export async function writeTable(t: ExportTable, format: ExportFormat, o: ExportOptions = {}): Promise<Uint8Array> {
	switch (format) {
		case 'geojson':
			return writeGeoJson(t);
		case 'csv':
			return writeCsv(t);
		case 'kml':
			return writeKml(t, o.nameField ?? t.fields[0]?.key ?? '');
		case 'gpkg':
			return writeGpkg(t);
		case 'shp':
			return writeShapefileZip(t, o.encoding ?? 'utf-8');
		case 'xlsx':
			return writeXlsx(t);
	}
}

/** The table as a download: `<name>-<day>.<ext>`, never cached (it holds the records of the moment). */
export async function exportResponse(t: ExportTable, format: ExportFormat, o: ExportOptions = {}, headers: Record<string, string> = {}): Promise<Response> {
	const body = await writeTable(t, format, o);
	const { type, extension } = TYPES[format];
	const day = new Date().toISOString().slice(0, 10);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${t.name}-${day}.${extension}"`,
			'cache-control': 'no-store',
			...headers
		}
	});
}
