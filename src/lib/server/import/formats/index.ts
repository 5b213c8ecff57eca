/**
 * Which reader a file needs, from its name and its first bytes (a `.zip` is a Shapefile when
 * it holds a `.shp`, a KMZ when it holds a `.kml`; a `.txt` is a red-line file when it has the
 * ministry's section headers, else CSV).
 */
import { ImportFileError } from '../errors';
import type { ReadOptions, SourceFile } from '../source';
import { unzip } from '../zip';
import { readGeoJson } from './geojson';
import { readGpkg } from './gpkg';
import { readGpx, readKml, readKmz } from './kml';
import { isRedline, readRedline } from './redline';
import { readShapefileZip } from './shapefile';
import { readCsv, readXlsx } from './table';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

const startsWith = (bytes: Uint8Array, text: string) => {
	for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
	return true;
};

export async function readSource(name: string, bytes: Uint8Array, options: ReadOptions): Promise<SourceFile> {
	const ext = (/\.([^./\\]+)$/.exec(name)?.[1] ?? '').toLowerCase();
	if (bytes.length === 0) throw new ImportFileError('import.empty_file');
	if (ext === 'shp' || ext === 'dbf' || ext === 'shx') throw new ImportFileError('import.shp_unzipped');
	if (startsWith(bytes, SQLITE_MAGIC) || ext === 'gpkg') {
		if (!startsWith(bytes, SQLITE_MAGIC)) throw new ImportFileError('import.gpkg_broken');
		return readGpkg(bytes);
	}
	if (ext === 'xlsx') return readXlsx(bytes, options);
	if (ext === 'xls') throw new ImportFileError('import.xls_old');
	if (ext === 'kmz') return readKmz(bytes, options);
	if (ext === 'zip' || (bytes[0] === 0x50 && bytes[1] === 0x4b && !['json', 'geojson', 'csv', 'txt', 'kml', 'gpx'].includes(ext))) {
		// Names only (nothing inflated): decide by what the archive lists.
		const listed = listZip(bytes, options);
		if (listed.some((n) => /\.shp$/i.test(n))) return readShapefileZip(bytes, options);
		if (listed.some((n) => /\.kml$/i.test(n))) return readKmz(bytes, options);
		if (listed.some((n) => /\.(dbf|shx)$/i.test(n))) throw new ImportFileError('import.shp_none');
		throw new ImportFileError('import.zip_unknown', { names: listed.slice(0, 8).join(', ').slice(0, 200) });
	}
	if (ext === 'kml') return readKml(bytes);
	if (ext === 'gpx') return readGpx(bytes);
	if (ext === 'json' || ext === 'geojson' || ext === 'topojson') return readGeoJson(bytes);
	if (ext === 'csv' || ext === 'txt' || ext === 'tsv') {
		const head = new TextDecoder('gbk').decode(bytes.subarray(0, 4096)) + new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
		if (isRedline(head)) return readRedline(bytes, options);
		return readCsv(bytes, options);
	}
	const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).trimStart();
	if (head.startsWith('{')) return readGeoJson(bytes);
	if (head.startsWith('<')) return /<gpx[\s>]/i.test(head) ? readGpx(bytes) : readKml(bytes);
	throw new ImportFileError('import.format_unknown', { name: name.slice(0, 120) });
}

/** The names an archive lists, without inflating anything. */
function listZip(bytes: Uint8Array, options: ReadOptions): string[] {
	const names: string[] = [];
	unzip(bytes, options, (n) => {
		names.push(n);
		return false;
	});
	return names;
}
