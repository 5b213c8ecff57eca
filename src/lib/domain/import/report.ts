/**
 * The dry-run report, as the console, the command line (`--json`) and the API show it: what
 * the file is, how its CRS and encoding were found, the field mapping, every problem per
 * feature with where it is, and what committing would change.
 */
import type { Geometry, FeatureCollection } from 'geojson';
import type { MessageKey } from '../../i18n/messages';
import type { FieldKind, ImportLayer, Mapping } from './targets';
import type { AreaUnit } from './values';

export interface ImportProblem {
	/** 1-based feature number in the file; 0 for the file as a whole. */
	index: number;
	code: string | null;
	key: MessageKey;
	params: Record<string, string | number>;
	/** English sentence, for the command line and API clients. */
	message: string;
	/** Where it is, for the map (a point, the overlap, the part outside the park). */
	location: Geometry | null;
}

export interface ImportOptions {
	layer: ImportLayer;
	/** The park the records go into (plots, buildings); otherwise each feature's park column or the park containing it. */
	parkCode?: string | null;
	/** `EPSG:4527`, overriding the file's CRS or the proposal. */
	crs?: string | null;
	encoding?: string | null;
	/** Coordinates copied from a consumer map: GCJ-02 (AMap, Tencent) or BD-09 (Baidu). */
	shift?: 'none' | 'gcj02' | 'bd09';
	/** Seven-parameter shift for Xi'an 1980 / Beijing 1954: dx, dy, dz (m), rx, ry, rz (″), ds (ppm). */
	sevenParams?: number[] | null;
	mapping?: Mapping | null;
	areaUnit?: AreaUnit | null;
	/** New records are published at once (default: unpublished, for review). */
	publish?: boolean;
	/** Commit the features without problems and leave out the others. */
	skipProblems?: boolean;
	/** Roads: the file is the whole network; roads not in it are deleted (undo puts them back). */
	replaceRoads?: boolean;
}

export interface ImportReport {
	file: { name: string; bytes: number; sha256: string; format: string };
	layer: ImportLayer;
	park: { code: string; nameZh: string; nameEn: string } | null;
	encoding: { encoding: string; rule: string; samples: string[] } | null;
	crs: {
		code: string | null;
		name: string;
		rule: string;
		shift: 'none' | 'gcj02' | 'bd09';
		proposals: { key: MessageKey; params: Record<string, string | number> }[];
	};
	notes: { key: MessageKey; params: Record<string, string> }[];
	counts: { features: number; byType: Record<string, number>; withProblems: number; clean: number };
	/** Longitude/latitude bounds of what was read, for the preview map. */
	bounds: [number, number, number, number] | null;
	columns: string[];
	/** The layer's fields; `labels` names the vocabulary whose messages label `vocab`'s values. */
	fields: { key: string; kind: FieldKind; required: boolean; vocab: readonly string[] | null; labels: string | null }[];
	mapping: Mapping;
	proposedMapping: Mapping;
	/** Values of mapped vocabulary fields (land use, status …) that map to nothing, with how often. */
	unknownValues: Record<string, { value: string; count: number }[]>;
	areaUnit: { unit: AreaUnit; rule: 'user' | 'column_name' | 'values' } | null;
	problems: ImportProblem[];
	/** How many problems of each kind (the list above is capped). */
	problemCounts: Partial<Record<MessageKey, number>>;
	diff: {
		new: number;
		changed: number;
		unchanged: number;
		/** In the database (in the same parks) but not in the file: left as they are. */
		missing: number;
		changedFields: Record<string, number>;
		samples: { new: string[]; changed: { code: string; fields: string[] }[]; missing: string[] };
	};
	/** The features as they would be stored (up to a cap), for the preview map. */
	preview: FeatureCollection;
	previewTruncated: boolean;
	committed: { importId: number; created: number; updated: number; unchanged: number; skipped: number; deleted?: number } | null;
}

/** Problems listed in a report; the counts cover all of them. */
export const MAX_LISTED_PROBLEMS = 2000;
/** Features drawn on the preview map. */
export const MAX_PREVIEW_FEATURES = 5000;

export interface ImportHistoryItem {
	id: number;
	at: string;
	user: string | null;
	layer: ImportLayer;
	park: string | null;
	fileName: string;
	fileSha256: string;
	format: string;
	crs: string | null;
	encoding: string | null;
	counts: { created: number; updated: number; unchanged: number; skipped: number };
	status: 'committed' | 'undone';
	undoneAt: string | null;
}
