/**
 * Unpacks a zip (zipped Shapefile, KMZ, XLSX) in memory with limits that hold whatever the
 * archive claims: the bytes actually inflated are counted (a zip bomb stops at the limit),
 * entries may not leave the archive's root (`../x`, `/etc/x`, `C:\x`), and a broken archive
 * is a clear error, never a crash.
 */
import { Unzip, UnzipInflate } from 'fflate';
import { ImportFileError } from './errors';

export interface ZipLimits {
	maxUnpackedBytes: number;
	maxEntries: number;
}

/** Entry names that would land outside the folder the archive is unpacked into. */
export function escapesRoot(name: string): boolean {
	const n = name.replace(/\\/g, '/');
	return n.startsWith('/') || /^[a-z]:/i.test(n) || n.split('/').some((part) => part === '..');
}

/**
 * The archive's files (folders left out) by name. `wanted` picks the entries to inflate;
 * the others are only checked for their names.
 */
export function unzip(bytes: Uint8Array, limits: ZipLimits, wanted: (name: string) => boolean = () => true): Map<string, Uint8Array> {
	if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new ImportFileError('import.zip_broken');
	const files = new Map<string, Uint8Array>();
	let unpacked = 0;
	let entries = 0;
	let failure: unknown = null;
	const unzipper = new Unzip((file) => {
		if (failure) return;
		entries++;
		if (entries > limits.maxEntries) {
			failure = new ImportFileError('import.zip_entries', { max: limits.maxEntries }, 413);
			return;
		}
		if (escapesRoot(file.name)) {
			failure = new ImportFileError('import.zip_path', { name: file.name.slice(0, 120) });
			return;
		}
		if (file.name.endsWith('/') || !wanted(file.name)) return;
		const chunks: Uint8Array[] = [];
		file.ondata = (err, data, final) => {
			if (failure) return;
			if (err) {
				failure = new ImportFileError('import.zip_broken');
				return;
			}
			unpacked += data.length;
			if (unpacked > limits.maxUnpackedBytes) {
				failure = new ImportFileError('import.zip_too_large', { mb: Math.round(limits.maxUnpackedBytes / 1048576) }, 413);
				file.terminate();
				return;
			}
			chunks.push(data);
			if (final) files.set(file.name, concat(chunks));
		};
		try {
			file.start();
		} catch {
			failure = new ImportFileError('import.zip_method', { name: file.name.slice(0, 120) });
		}
	});
	unzipper.register(UnzipInflate);
	try {
		// In slices, so that a bomb is stopped after the first slice past the limit.
		const step = 1 << 20;
		for (let at = 0; at < bytes.length && !failure; at += step) unzipper.push(bytes.subarray(at, at + step), at + step >= bytes.length);
	} catch (e) {
		if (!failure) failure = e instanceof ImportFileError ? e : new ImportFileError('import.zip_broken');
	}
	if (failure) throw failure;
	if (entries === 0) throw new ImportFileError('import.zip_broken');
	return files;
}

function concat(chunks: Uint8Array[]): Uint8Array {
	if (chunks.length === 1) return chunks[0];
	const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	return out;
}
