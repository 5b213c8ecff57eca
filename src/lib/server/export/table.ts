/**
 * What every export writes: a named table of records — fields with a key (the column name in
 * GIS formats), a label in the reader's language (the header in CSV and Excel) and a type —
 * each record with its values and its geometry in longitude/latitude (EPSG:4326), or none.
 */
import type { Geometry } from 'geojson';

export type ExportFieldType = 'text' | 'number' | 'integer' | 'date' | 'boolean';
export type ExportValue = string | number | boolean | null;

export interface ExportField {
	key: string;
	label: string;
	type: ExportFieldType;
}

export interface ExportRow {
	values: Record<string, ExportValue>;
	geometry: Geometry | null;
}

export interface ExportTable {
	/** File and layer name: ASCII letters, digits, `-` and `_`. */
	name: string;
	/** The title inside the file (KML document, sheet name). */
	title: string;
	fields: ExportField[];
	/** The kind of geometry every row has, or null for a list without one. */
	geometry: 'MultiPolygon' | 'MultiLineString' | 'Point' | null;
	rows: ExportRow[];
}

/** A value as text for CSV, KML and Excel cells: numbers as they are, booleans as true/false, null as empty. */
export const textOf = (v: ExportValue): string => (v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v));
