/**
 * A zipped Shapefile: `.shp`, `.shx` and `.dbf` (each missing one named in the error), the
 * `.prj` for the CRS and the `.cpg` for the text encoding; `.qpj`, `.sbn`, `.xml` and any other
 * file in the zip are ignored. A zip holding several shapefiles is refused: one layer a file.
 */
import { open } from 'shapefile';
import type { Geometry } from 'geojson';
import { crsFromWkt } from '../crs';
import { dbfCodePage, guessEncoding, normaliseEncoding, type EncodingChoice } from '../encoding';
import { ImportFileError } from '../errors';
import type { ReadOptions, SourceFile } from '../source';
import { unzip } from '../zip';

const base = (name: string) => name.replace(/\\/g, '/').split('/').pop()!;
const stem = (name: string) => name.replace(/\.[^./]+$/, '');
const ext = (name: string) => (/\.([^./]+)$/.exec(name)?.[1] ?? '').toLowerCase();

/** The DBF's field names (header) and the bytes of its records, for the encoding guess. */
function dbfParts(dbf: Uint8Array): { codePageByte: number; records: Uint8Array } {
	if (dbf.length < 32) throw new ImportFileError('import.shp_part_broken', { part: '.dbf' });
	const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
	const headerLength = view.getUint16(8, true);
	const recordLength = Math.max(1, view.getUint16(10, true));
	// Whole records only: a sample cut inside a character would be valid in no encoding.
	const records = Math.floor(Math.min(dbf.length - headerLength, 2_000_000) / recordLength);
	return { codePageByte: dbf[29], records: dbf.subarray(Math.min(32, headerLength), headerLength + records * recordLength) };
}

/** The encoding of the attributes, and the rule that decided: user, `.cpg`, header byte 29, else a checked guess. */
export function shapefileEncoding(user: EncodingChoice | null, cpg: string | null, dbf: Uint8Array): EncodingChoice {
	if (user) return user;
	if (cpg) {
		const e = normaliseEncoding(cpg);
		if (e) return { encoding: e, rule: 'cpg' };
	}
	const { codePageByte, records } = dbfParts(dbf);
	const byHeader = dbfCodePage(codePageByte);
	if (byHeader) return { encoding: byHeader, rule: 'dbf_header' };
	return guessEncoding(records);
}

export async function readShapefileZip(bytes: Uint8Array, options: ReadOptions): Promise<SourceFile> {
	const files = unzip(bytes, options, (name) => ['shp', 'shx', 'dbf', 'prj', 'cpg'].includes(ext(name)) && !base(name).startsWith('._'));
	const shps = [...files.keys()].filter((n) => ext(n) === 'shp');
	if (shps.length === 0) throw new ImportFileError('import.shp_none');
	if (shps.length > 1) throw new ImportFileError('import.shp_many', { names: shps.map(base).join(', ').slice(0, 200) });
	const s = stem(shps[0]);
	const part = (e: string) => [...files.entries()].find(([n]) => stem(n) === s && ext(n) === e)?.[1] ?? null;
	const shp = part('shp')!;
	const shx = part('shx');
	const dbf = part('dbf');
	const missing = [!shx && '.shx', !dbf && '.dbf'].filter(Boolean) as string[];
	if (missing.length) throw new ImportFileError('import.shp_missing', { name: base(shps[0]), parts: missing.join(', ') });
	const prj = part('prj');
	const cpg = part('cpg');
	const encoding = shapefileEncoding(options.encoding, cpg ? new TextDecoder().decode(cpg).trim() : null, dbf!);
	const crs = prj ? { crs: crsFromWkt(new TextDecoder().decode(prj)), rule: 'prj' as const } : null;
	// Copies: the reader reads the whole backing buffer of a view.
	const shpBytes = shp.slice();
	const dbfBytes = dbf!.slice();
	let columns: string[];
	try {
		const source = await open(shpBytes, dbfBytes, { encoding: encoding.encoding });
		const first = await source.read();
		columns = first.done ? [] : Object.keys(first.value.properties ?? {});
		await source.cancel();
	} catch {
		throw new ImportFileError('import.shp_part_broken', { part: '.shp/.dbf' });
	}
	return {
		format: 'shapefile',
		crs,
		encoding,
		columns,
		notes: [],
		async *features() {
			let source;
			try {
				source = await open(shpBytes, dbfBytes, { encoding: encoding.encoding });
			} catch {
				throw new ImportFileError('import.shp_part_broken', { part: '.shp/.dbf' });
			}
			let index = 0;
			for (;;) {
				let r;
				try {
					r = await source.read();
				} catch {
					throw new ImportFileError('import.shp_record_broken', { index: index + 1 });
				}
				if (r.done) return;
				index++;
				yield { index, geometry: (r.value.geometry ?? null) as Geometry | null, properties: (r.value.properties ?? {}) as Record<string, unknown> };
			}
		}
	};
}
