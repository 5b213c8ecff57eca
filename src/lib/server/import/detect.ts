/**
 * What a file is, before any feature is converted: how many features of which type and the
 * extent of its own numbers (a first pass), the CRS to read it in — the user's, the file's, or
 * a proposal from the numbers and the park, never a silent assumption — whether it looks
 * copied from a consumer map, and the unit of its area column.
 */
import { booleanPointInPolygon } from '@turf/turf';
import gcoord from 'gcoord';
import type { MultiPolygon, Polygon } from 'geojson';
import type { ImportLimits } from '../config';
import type { Mapping } from '../../domain/import/targets';
import { AREA_UNITS, areaUnitByValues, areaUnitOfName, type AreaUnit } from '../../domain/import/values';
import type { ImportOptions, ImportReport } from '../../domain/import/report';
import { guessZone } from '../../geo/gauss-kruger';
import type { MessageKey } from '../../i18n/messages';
import { crsFromName, transformFrom, type Crs, type SevenParams, type Shift, type Transform } from './crs';
import { ImportFileError } from './errors';
import { eachPosition } from './geometry';
import type { CrsRule, SourceFile } from './source';

export type Progress = (phase: 'reading' | 'checking' | 'writing', done: number, total: number | null) => void;

export interface Park {
	id: number;
	code: string;
	nameZh: string;
	nameEn: string;
	boundary: Polygon | MultiPolygon;
	lon: number;
}

export interface Pass1 {
	count: number;
	byType: Record<string, number>;
	bounds: [number, number, number, number] | null;
	/** A sample of the file's vertices (all of a small file), to tell a consumer-map shift. */
	firstPoints: [number, number][];
}

/** First pass: how many features of which type, and the extent of the file's own numbers. */
export async function survey(source: SourceFile, limits: ImportLimits, progress?: Progress): Promise<Pass1> {
	const byType: Record<string, number> = {};
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	let count = 0;
	const firstPoints: [number, number][] = [];
	for await (const f of source.features()) {
		count++;
		if (count > limits.maxFeatures) throw new ImportFileError('import.too_many_features', { max: limits.maxFeatures }, 413);
		const type = f.geometry?.type ?? 'none';
		byType[type] = (byType[type] ?? 0) + 1;
		eachPosition(f.geometry, (x, y) => {
			if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 1e9 || Math.abs(y) > 1e9) return;
			if (firstPoints.length < 2000 && count % Math.ceil(count / 500) === 0) firstPoints.push([x, y]);
			if (x < minX) minX = x;
			if (y < minY) minY = y;
			if (x > maxX) maxX = x;
			if (y > maxY) maxY = y;
		});
		if (count % 2000 === 0) progress?.('reading', count, null);
	}
	return { count, byType, bounds: Number.isFinite(minX) ? [minX, minY, maxX, maxY] : null, firstPoints };
}

export interface CrsChoice {
	crs: Crs;
	rule: CrsRule;
	transform: Transform;
	shift: Shift;
	proposals: ImportReport['crs']['proposals'];
}

/** The CRS to read the file in: the user's, the file's, else a proposal from the numbers (named as such in the report). */
export function chooseCrs(
	source: SourceFile & { redline?: { sevenParams: SevenParams | null } },
	options: ImportOptions,
	pass: Pass1,
	park: Park | null
): CrsChoice | null {
	const proposals: CrsChoice['proposals'] = [];
	let choice: { crs: Crs; rule: CrsRule } | null = null;
	if (options.crs) {
		const crs = crsFromName(options.crs);
		if (!crs) throw new ImportFileError('import.crs_unknown', { crs: options.crs.slice(0, 40) });
		choice = { crs, rule: 'user' };
	} else if (source.crs) choice = source.crs;
	else if (pass.bounds) {
		const guess = guessZone(pass.bounds, park?.lon ?? null);
		if (guess?.rule === 'lonlat' && (source.format === 'geojson' || source.format === 'topojson')) {
			// RFC 7946: GeoJSON without a crs member is WGS 84 longitude/latitude — and its numbers agree.
			choice = { crs: crsFromName('EPSG:4326')!, rule: 'rfc7946' };
		} else if (guess) {
			choice = { crs: crsFromName(`EPSG:${guess.epsg}`)!, rule: guess.rule };
			proposals.push({
				key: `import.propose_${guess.rule}` as MessageKey,
				params: { crs: `EPSG:${guess.epsg}`, zone: guess.zone ?? '', cm: guess.centralMeridian ?? '' }
			});
		}
	}
	if (!choice) return null;
	const sevenParams = (options.sevenParams as SevenParams | null | undefined) ?? source.redline?.sevenParams ?? null;
	if (options.sevenParams && (options.sevenParams.length !== 7 || !options.sevenParams.every(Number.isFinite)))
		throw new ImportFileError('import.seven_params');
	const shift: Shift = options.shift ?? 'none';
	const transform = transformFrom(choice.crs, shift, choice.crs.datum === 'xian1980' || choice.crs.datum === 'beijing1954' ? sevenParams : null);
	if (shift === 'none' && park && choice.crs.geographic) {
		// Coordinates copied from a consumer map sit a few hundred metres off: compare how many fall in the park as they are and undone.
		const inPark = (p: number[]) => booleanPointInPolygon(p, park.boundary);
		const pts = pass.firstPoints.map(([x, y]) => transform.toLonLat(x, y)).filter((p): p is [number, number] => p !== null);
		if (pts.length) {
			const asIs = pts.filter(inPark).length / pts.length;
			for (const [name, from] of [
				['gcj02', gcoord.GCJ02],
				['bd09', gcoord.BD09]
			] as const) {
				const shifted = pts.filter((p) => inPark(gcoord.transform([p[0], p[1]], from, gcoord.WGS84) as number[])).length / pts.length;
				if (shifted >= 0.95 && shifted - asIs >= 0.2)
					proposals.push({ key: `import.propose_${name}` as MessageKey, params: { share: Math.round(shifted * 100) } });
			}
		}
	}
	return { ...choice, transform, shift, proposals };
}

export function areaUnitChoice(options: ImportOptions, mapping: Mapping, ratio: number | null): ImportReport['areaUnit'] {
	const column = mapping.areaAttr?.column;
	if (!column) return null;
	if (options.areaUnit && options.areaUnit in AREA_UNITS) return { unit: options.areaUnit, rule: 'user' };
	const byName = areaUnitOfName(column);
	if (byName) return { unit: byName, rule: 'column_name' };
	const byValues = ratio === null ? null : areaUnitByValues([{ value: 1, measuredM2: ratio }]);
	return { unit: (byValues ?? 'm2') as AreaUnit, rule: 'values' };
}
