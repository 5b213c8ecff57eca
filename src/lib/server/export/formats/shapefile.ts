/**
 * Zipped ESRI Shapefile: `.shp` / `.shx` (polygons with outer rings clockwise and holes
 * counter-clockwise, as the format wants; lines; points), `.dbf` in UTF-8 or GBK with field
 * names cut to ten characters without clashes, `.cpg` naming the encoding (and the DBF's
 * language byte for GBK), `.prj` for WGS 84. A text longer than a DBF field holds (254 bytes)
 * is cut at a character boundary — GeoPackage keeps every character.
 */
import { zipSync } from 'fflate';
import type { Geometry, Position } from 'geojson';
import { shortFieldNames } from '../../../domain/export-fields';
import { encodeGbk } from '../gbk';
import { textOf, type ExportTable, type ExportValue } from '../table';

export type ShapefileEncoding = 'utf-8' | 'gbk';

const PRJ = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

const SHAPE_TYPES = { Point: 1, MultiLineString: 3, MultiPolygon: 5 } as const;

/** Twice the signed area of a ring (positive: counter-clockwise). */
const signedArea = (r: Position[]) => r.reduce((s, p, i) => (i ? s + (r[i - 1][0] * p[1] - p[0] * r[i - 1][1]) : s), 0);

/** The parts of a geometry as the shapefile stores them: polygon rings oriented, lines as they are. */
function partsOf(g: Geometry): Position[][] {
	if (g.type === 'MultiPolygon' || g.type === 'Polygon') {
		const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
		return polys.flatMap((rings) => rings.map((r, i) => (signedArea(r) > 0 === (i === 0) ? [...r].reverse() : r)));
	}
	if (g.type === 'LineString') return [g.coordinates];
	if (g.type === 'MultiLineString') return g.coordinates;
	return [];
}

interface Box {
	minX: number;
	minY: number;
	maxX: number;
	maxY: number;
}
const emptyBox = (): Box => ({ minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity });
const grow = (b: Box, p: Position) => {
	b.minX = Math.min(b.minX, p[0]);
	b.minY = Math.min(b.minY, p[1]);
	b.maxX = Math.max(b.maxX, p[0]);
	b.maxY = Math.max(b.maxY, p[1]);
};

function shapeRecord(type: number, g: Geometry | null, box: Box): Buffer {
	if (!g) return Buffer.from([0, 0, 0, 0]);
	if (type === 1) {
		const p = (g as { coordinates: Position }).coordinates;
		grow(box, p);
		const b = Buffer.alloc(20);
		b.writeInt32LE(1, 0);
		b.writeDoubleLE(p[0], 4);
		b.writeDoubleLE(p[1], 12);
		return b;
	}
	const parts = partsOf(g);
	const points = parts.flat();
	const own = emptyBox();
	points.forEach((p) => (grow(own, p), grow(box, p)));
	const b = Buffer.alloc(44 + 4 * parts.length + 16 * points.length);
	b.writeInt32LE(type, 0);
	[own.minX, own.minY, own.maxX, own.maxY].forEach((v, i) => b.writeDoubleLE(v, 4 + i * 8));
	b.writeInt32LE(parts.length, 36);
	b.writeInt32LE(points.length, 40);
	let at = 0;
	parts.forEach((part, i) => {
		b.writeInt32LE(at, 44 + i * 4);
		at += part.length;
	});
	const base = 44 + 4 * parts.length;
	points.forEach((p, i) => {
		b.writeDoubleLE(p[0], base + i * 16);
		b.writeDoubleLE(p[1], base + i * 16 + 8);
	});
	return b;
}

function mainHeader(type: number, bytes: number, box: Box): Buffer {
	const h = Buffer.alloc(100);
	h.writeInt32BE(9994, 0);
	h.writeInt32BE(bytes / 2, 24);
	h.writeInt32LE(1000, 28);
	h.writeInt32LE(type, 32);
	const b = Number.isFinite(box.minX) ? box : { minX: 0, minY: 0, maxX: 0, maxY: 0 };
	[b.minX, b.minY, b.maxX, b.maxY].forEach((v, i) => h.writeDoubleLE(v, 36 + i * 8));
	return h;
}

/** Decimal places that write a number exactly as JavaScript reads it back. */
function decimalsOf(v: number): number {
	const s = String(v);
	if (/e/i.test(s)) return Math.min(15, (v.toFixed(15).replace(/0+$/, '').split('.')[1] ?? '').length);
	return (s.split('.')[1] ?? '').length;
}

function dbf(t: ExportTable, encoding: ShapefileEncoding): Buffer {
	const encode = encoding === 'gbk' ? encodeGbk : (s: string) => new TextEncoder().encode(s);
	const names = shortFieldNames(t.fields.map((f) => f.key));
	/** A text cut to at most `max` bytes without splitting a character. */
	const bytesOf = (s: string, max = 254) => {
		let b = encode(s);
		if (b.length <= max) return b;
		let chars = [...s];
		while (b.length > max) {
			chars = chars.slice(0, Math.max(0, chars.length - Math.ceil((b.length - max) / 4)));
			b = encode(chars.join(''));
		}
		return b;
	};
	const specs = t.fields.map((f, i) => {
		const values = t.rows.map((r) => r.values[f.key] ?? null);
		if (f.type === 'number' || f.type === 'integer') {
			const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
			const decimals = f.type === 'integer' ? 0 : Math.max(0, ...nums.map(decimalsOf));
			const width = Math.max(1, ...nums.map((n) => n.toFixed(decimals).length));
			return { name: names[i], type: 'N', width: Math.min(254, width), decimals, cell: (v: ExportValue) => (typeof v === 'number' ? v.toFixed(decimals) : '') };
		}
		if (f.type === 'boolean')
			return { name: names[i], type: 'L', width: 1, decimals: 0, cell: (v: ExportValue) => (v === true ? 'T' : v === false ? 'F' : '?') };
		const width = Math.max(1, ...values.map((v) => bytesOf(textOf(v)).length));
		return { name: names[i], type: 'C', width, decimals: 0, cell: (v: ExportValue) => textOf(v) };
	});
	const headerLength = 32 + 32 * specs.length + 1;
	const recordLength = 1 + specs.reduce((s, f) => s + f.width, 0);
	const out = Buffer.alloc(headerLength + recordLength * t.rows.length + 1, 0x20);
	out.fill(0, 0, headerLength);
	const now = new Date();
	out[0] = 0x03;
	out[1] = now.getUTCFullYear() - 1900;
	out[2] = now.getUTCMonth() + 1;
	out[3] = now.getUTCDate();
	out.writeUInt32LE(t.rows.length, 4);
	out.writeUInt16LE(headerLength, 8);
	out.writeUInt16LE(recordLength, 10);
	out[29] = encoding === 'gbk' ? 0x4d : 0x00;
	specs.forEach((f, i) => {
		const at = 32 + i * 32;
		out.write(f.name, at, 'ascii');
		out.write(f.type, at + 11, 'ascii');
		out[at + 16] = f.width;
		out[at + 17] = f.decimals;
	});
	out[headerLength - 1] = 0x0d;
	t.rows.forEach((r, n) => {
		let at = headerLength + n * recordLength + 1;
		for (const [i, f] of specs.entries()) {
			const v = r.values[t.fields[i].key] ?? null;
			const text = f.cell(v);
			const bytes = f.type === 'C' ? bytesOf(text, f.width) : encode(text);
			// Numbers right-aligned, text left-aligned; the rest stays blank.
			const offset = f.type === 'N' ? f.width - bytes.length : 0;
			out.set(bytes.subarray(0, f.width), at + Math.max(0, offset));
			at += f.width;
		}
	});
	out[out.length - 1] = 0x1a;
	return out;
}

export function writeShapefileZip(t: ExportTable, encoding: ShapefileEncoding): Uint8Array {
	if (!t.geometry) throw new Error('A shapefile needs geometry');
	const type = SHAPE_TYPES[t.geometry];
	const box = emptyBox();
	const records = t.rows.map((r) => shapeRecord(type, r.geometry, box));
	const shpLength = 100 + records.reduce((s, r) => s + 8 + r.length, 0);
	const shp = Buffer.alloc(shpLength);
	const shx = Buffer.alloc(100 + 8 * records.length);
	mainHeader(type, shpLength, box).copy(shp, 0);
	mainHeader(type, shx.length, box).copy(shx, 0);
	let at = 100;
	records.forEach((r, i) => {
		shp.writeInt32BE(i + 1, at);
		shp.writeInt32BE(r.length / 2, at + 4);
		r.copy(shp, at + 8);
		shx.writeInt32BE(at / 2, 100 + i * 8);
		shx.writeInt32BE(r.length / 2, 104 + i * 8);
		at += 8 + r.length;
	});
	const n = t.name;
	return zipSync({
		[`${n}.shp`]: new Uint8Array(shp),
		[`${n}.shx`]: new Uint8Array(shx),
		[`${n}.dbf`]: new Uint8Array(dbf(t, encoding)),
		[`${n}.prj`]: new TextEncoder().encode(PRJ),
		[`${n}.cpg`]: new TextEncoder().encode(encoding === 'gbk' ? 'GBK' : 'UTF-8')
	});
}
