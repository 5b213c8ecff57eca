/**
 * The land ministry's red-line coordinate file (建设项目用地红线坐标文件):
 *
 *   [属性描述]
 *   坐标系=2000国家大地坐标系   几度分带=3   投影类型=高斯克吕格   带号=40   转换参数=,,,,,,
 *   [地块坐标]
 *   界址点数,地块面积(公顷),地块编号,地块名称,面,图幅号,地块用途,地类编码,@
 *   J1,1,4147373.229,40376118.636     ← 点号, 地块圈号, X, Y
 *
 * X is the northing and Y the easting (Chinese surveying), Y often carrying the zone number.
 * Ring 1 of a plot is its outline, further rings are holes. The CRS follows from 坐标系,
 * 几度分带 and 带号 (and whether Y has the zone prefix); 转换参数 gives the seven parameters
 * that Xi'an 1980 and Beijing 1954 need.
 */
import type { Polygon, Position } from 'geojson';
import { gk3Plain, gk3Prefixed, gk6Plain, gk6Prefixed } from '../../../geo/gauss-kruger';
import { crsFromEpsg, type SevenParams } from '../crs';
import { decodeText } from '../encoding';
import { ImportFileError } from '../errors';
import type { ReadOptions, SourceFeature, SourceFile } from '../source';

export const REDLINE_COLUMNS = ['界址点数', '地块面积(公顷)', '地块编号', '地块名称', '记录图形属性', '图幅号', '地块用途', '地类编码'] as const;

/** Whether a text looks like a red-line file (its two section headers). */
export const isRedline = (head: string) => /\[属性描述\]/.test(head) && /\[地块坐标\]/.test(head);

/** EPSG code of a Gauss–Krüger zone for a datum, band width and zone, with or without the zone prefix. */
function zoneCode(datum: 'cgcs2000' | 'xian1980' | 'beijing1954', width: 3 | 6, zone: number, prefixed: boolean): number | null {
	const cm = width === 3 ? zone * 3 : zone * 6 - 3;
	if (width === 3 ? zone < 25 || zone > 45 : zone < 13 || zone > 23) return null;
	if (datum === 'cgcs2000') return width === 3 ? (prefixed ? gk3Prefixed(zone) : gk3Plain(cm)) : prefixed ? gk6Prefixed(zone) : gk6Plain(cm);
	if (datum === 'xian1980') return width === 3 ? (prefixed ? 2349 + zone - 25 : 2370 + (cm - 75) / 3) : prefixed ? 2327 + zone - 13 : 2338 + (cm - 75) / 6;
	return width === 3 ? (prefixed ? 2401 + zone - 25 : 2422 + (cm - 75) / 3) : prefixed ? 21413 + zone - 13 : 21453 + (cm - 75) / 6;
}

export interface RedlineHeader {
	datum: 'cgcs2000' | 'xian1980' | 'beijing1954';
	width: 3 | 6;
	zone: number | null;
	sevenParams: SevenParams | null;
}

export function readRedline(bytes: Uint8Array, options: ReadOptions): SourceFile & { redline: RedlineHeader } {
	const { text, choice } = decodeText(bytes, options.encoding);
	const lines = text.split(/\r?\n/).map((l) => l.trim());
	const attrs = new Map<string, string>();
	let section = '';
	const plots: { header: string[]; points: { ring: number; x: number; y: number }[]; line: number }[] = [];
	const broken: number[] = [];
	lines.forEach((line, i) => {
		if (!line) return;
		const sec = /^\[(.+)\]$/.exec(line);
		if (sec) {
			section = sec[1];
			return;
		}
		if (section === '属性描述') {
			const eq = line.indexOf('=');
			if (eq > 0) attrs.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
		} else if (section === '地块坐标') {
			const cells = line.split(/[,，]/).map((c) => c.trim());
			if (cells.at(-1) === '@') plots.push({ header: cells.slice(0, -1), points: [], line: i + 1 });
			else if (plots.length && cells.length >= 4) {
				const [ring, x, y] = [Number(cells[1]), Number(cells[2]), Number(cells[3])];
				if (Number.isFinite(ring) && Number.isFinite(x) && Number.isFinite(y)) plots.at(-1)!.points.push({ ring, x, y });
				else broken.push(plots.length);
			} else broken.push(plots.length);
		}
	});
	if (!plots.length) throw new ImportFileError('import.redline_empty');
	const system = attrs.get('坐标系') ?? '';
	const datum: RedlineHeader['datum'] = /西安|1980|80/.test(system) ? 'xian1980' : /北京|1954|54/.test(system) ? 'beijing1954' : 'cgcs2000';
	const width: 3 | 6 = attrs.get('几度分带')?.startsWith('6') ? 6 : 3;
	const zone = Number(attrs.get('带号')) || null;
	const params = (attrs.get('转换参数') ?? '').split(/[,，]/).map((p) => p.trim());
	const sevenParams =
		params.length >= 7 && params.slice(0, 7).every((p) => p !== '' && Number.isFinite(Number(p))) ? (params.slice(0, 7).map(Number) as SevenParams) : null;
	const prefixed = plots.some((p) => p.points.some((pt) => pt.y >= 1e7));
	const zoneFromY = plots.flatMap((p) => p.points).find((pt) => pt.y >= 1e7);
	const z = zone ?? (zoneFromY ? Math.floor(zoneFromY.y / 1e6) : null);
	const code = z ? zoneCode(datum, width, z, prefixed) : null;
	const crs = code ? crsFromEpsg(code) : null;
	const features: SourceFeature[] = plots.map((p, i) => {
		const properties = Object.fromEntries(REDLINE_COLUMNS.map((c, k) => [c, p.header[k] ?? null]));
		if (broken.includes(i + 1)) return { index: i + 1, geometry: null, properties, problem: { key: 'import.xy_invalid', params: { x: 'X', y: 'Y' } } };
		const rings = new Map<number, Position[]>();
		for (const pt of p.points) {
			if (!rings.has(pt.ring)) rings.set(pt.ring, []);
			rings.get(pt.ring)!.push([pt.y, pt.x]);
		}
		const ordered = [...rings.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
		const geometry: Polygon | null = ordered.length ? { type: 'Polygon', coordinates: ordered } : null;
		return { index: i + 1, geometry, properties };
	});
	return {
		format: 'redline',
		crs: crs ? { crs, rule: 'file_header' } : null,
		encoding: choice,
		columns: [...REDLINE_COLUMNS],
		notes: [{ key: 'import.note_axes_swapped', params: { x: 'X', y: 'Y' } }],
		redline: { datum, width, zone: z, sevenParams },
		async *features() {
			yield* features;
		}
	};
}
