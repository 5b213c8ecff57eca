/**
 * What every format reader gives the importer: the file's features as they are (geometry in
 * the file's own coordinates, attributes as read), the CRS and encoding the file declares and
 * how they were found, and its column names. Readers never reproject or map fields: that is
 * the pipeline's job, once, for every format.
 */
import type { Geometry } from 'geojson';
import type { Crs } from './crs';
import type { EncodingChoice } from './encoding';

export const IMPORT_FORMATS = ['geojson', 'topojson', 'shapefile', 'kml', 'kmz', 'gpx', 'csv', 'xlsx', 'gpkg', 'redline'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface SourceFeature {
	/** 1-based position in the file, as the report names it. */
	index: number;
	geometry: Geometry | null;
	properties: Record<string, unknown>;
	/** A problem the reader found in this feature (an unparsable WKT cell, a formula). */
	problem?: { key: 'import.wkt_invalid' | 'import.formula' | 'import.xy_invalid'; params?: Record<string, string | number> };
}

/** How a CRS came to be known. */
export type CrsRule = 'user' | 'prj' | 'crs_member' | 'rfc7946' | 'kml' | 'gpx' | 'gpkg' | 'file_header' | 'zone_prefix' | 'nearest_meridian' | 'lonlat';

export interface SourceFile {
	format: ImportFormat;
	/** The CRS the file states, with how it was read; null when it states none. */
	crs: { crs: Crs; rule: CrsRule } | null;
	encoding: EncodingChoice | null;
	/** Attribute names in file order. */
	columns: string[];
	/** Coordinates are northing first (red-line files, X/Y tables written the surveying way). */
	northingFirst?: boolean;
	/** Notes for the report, e.g. which columns gave the coordinates. */
	notes: {
		key: 'import.note_xy_columns' | 'import.note_wkt_column' | 'import.note_axes_swapped' | 'import.note_sheet' | 'import.note_table';
		params: Record<string, string>;
	}[];
	/** The features, in file order; may be read more than once (streamed readers read the file again). */
	features(): AsyncIterable<SourceFeature>;
}

export interface ReadOptions {
	/** The encoding the user chose, if any. */
	encoding: EncodingChoice | null;
	maxUnpackedBytes: number;
	maxEntries: number;
}
