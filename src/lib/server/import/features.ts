/**
 * One feature of the file made into the row the importer stages: its code, park, geometry in
 * longitude/latitude, field values through the mapping, and every problem found on the way
 * (no geometry, wrong type, a value that is no number, a land use that maps to nothing …).
 */
import type { Geometry } from 'geojson';
import type { ImportTarget, Mapping } from '../../domain/import/targets';
import { convertValue, numberOf, type FieldValue } from '../../domain/import/values';
import type { MessageKey } from '../../i18n/messages';
import type { Transform } from './crs';
import { toStored } from './geometry';
import type { SourceFeature } from './source';

export interface FeatureProblem {
	key: MessageKey;
	params: Record<string, string | number>;
	location?: Geometry | null;
}

export interface StagedFeature {
	idx: number;
	code: string | null;
	parkCode: string | null;
	geometry: Geometry | null;
	/** The file's own area value, as a number in the file's unit (converted once the unit is known). */
	areaRaw: number | null;
	vals: Record<string, FieldValue>;
	problems: FeatureProblem[];
	/** Vocabulary values that mapped to nothing, per field. */
	unknown: { field: string; value: string }[];
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** The key that identifies a record of the layer (units: building, floor and unit number). */
export function recordKey(target: ImportTarget, vals: Record<string, FieldValue>): string | null {
	if (target.layer === 'units') {
		const [b, f, u] = [vals.buildingCode, vals.floor, vals.unitNo];
		return b === null || b === undefined || f === null || f === undefined || u === null || u === undefined ? null : `${b}|${f}|${u}`;
	}
	const code = vals.code;
	return typeof code === 'string' && code ? code : null;
}

export function stageFeature(f: SourceFeature, target: ImportTarget, mapping: Mapping, transform: Transform | null, maxVertices: number): StagedFeature {
	const problems: FeatureProblem[] = [];
	const unknown: StagedFeature['unknown'] = [];
	if (f.problem) problems.push({ key: f.problem.key, params: f.problem.params ?? {} });
	let geometry: Geometry | null = null;
	if (target.geometry && !f.problem) {
		if (!transform) problems.push({ key: 'import.crs_missing', params: {} });
		else {
			const g = toStored(f.geometry, target.geometry, transform, maxVertices);
			if ('problem' in g) problems.push({ key: g.problem, params: g.params ?? {} });
			else geometry = g.geometry;
		}
	}
	const vals: Record<string, FieldValue> = {};
	let areaRaw: number | null = null;
	let parkCode: string | null = null;
	for (const field of target.fields) {
		const line = mapping[field.key];
		let raw: unknown = line?.column ? f.properties[line.column] : null;
		if (isBlank(raw) && line?.fallback !== undefined && line.fallback !== null && line.fallback !== '') raw = line.fallback;
		if (field.kind === 'area') {
			if (!isBlank(raw)) {
				const n = numberOf(raw);
				if (n === null || n <= 0) problems.push({ key: 'import.value_number', params: { field: field.key, value: String(raw).slice(0, 40) } });
				else areaRaw = n;
			}
			continue;
		}
		const converted = convertValue(field, raw);
		if ('problem' in converted) {
			problems.push({ key: converted.problem, params: { field: field.key, value: String(raw).slice(0, 40) } });
			if (field.kind === 'enum' || field.kind === 'land_use') unknown.push({ field: field.key, value: String(raw).trim().slice(0, 80) });
			continue;
		}
		const v = converted.value;
		if (field.key === 'parkCode') {
			parkCode = typeof v === 'string' ? v : null;
			continue;
		}
		if (v !== null && typeof v === 'object') {
			vals[`${field.key}Min`] = v.min;
			vals[`${field.key}Max`] = v.max;
			if (v.min !== null && v.max !== null && v.min > v.max) problems.push({ key: 'import.value_range', params: { field: field.key, value: String(raw) } });
		} else vals[field.key] = v;
		if (v === null && field.required && field.key !== 'code') problems.push({ key: 'import.required', params: { field: field.key } });
	}
	const [gross, leasable] = [vals.grossAreaM2, vals.leasableAreaM2];
	if (target.layer === 'buildings' && typeof gross === 'number' && typeof leasable === 'number' && leasable > gross) {
		problems.push({ key: 'import.leasable_over_gross', params: {} });
	}
	if (target.layer === 'parks' && vals.kind === 'park_in_park') problems.push({ key: 'import.park_in_park', params: {} });
	const code = recordKey(target, vals);
	if (!code) problems.push({ key: target.layer === 'units' ? 'import.unit_key_missing' : 'import.code_missing', params: {} });
	return { idx: f.index, code, parkCode, geometry, areaRaw, vals, problems, unknown };
}
