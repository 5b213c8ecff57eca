/**
 * Which text encoding a file's attributes are in, and which rule said so — in the order GDAL
 * uses for shapefiles: the user's choice, the `.cpg` file (its many spellings normalised:
 * `936`, `ANSI 936`, `CP936`, `GB2312` all mean GBK, which `TextDecoder` knows only as `gbk`),
 * the DBF header's code-page byte (29), and last a checked guess: valid UTF-8, else valid GBK.
 */
import { ImportFileError } from './errors';

/** Encodings the importer decodes, by their `TextDecoder` label. */
export type Encoding = 'utf-8' | 'gbk' | 'gb18030' | 'big5' | 'windows-1252' | 'iso-8859-1';

export type EncodingRule = 'user' | 'cpg' | 'dbf_header' | 'bom' | 'valid_utf8' | 'valid_gbk' | 'ascii' | 'fallback' | 'declared';

export interface EncodingChoice {
	encoding: Encoding;
	rule: EncodingRule;
}

const LABELS: [RegExp, Encoding][] = [
	[/^(utf-?8|65001|unicode)$/, 'utf-8'],
	[/^(gbk|gb2312|gb_2312(-80)?|936|cp936|ansi936|ms936|windows-?936|euc-?cn|x-gbk|chinese)$/, 'gbk'],
	[/^(gb18030|54936)$/, 'gb18030'],
	[/^(big5|950|cp950|ansi950)$/, 'big5'],
	[/^(1252|cp1252|ansi1252|windows-?1252|ansi)$/, 'windows-1252'],
	[/^(iso-?8859-?1|latin-?1|28591|88591)$/, 'iso-8859-1']
];

/** A `.cpg` or user label as a decoder label, or null when it names nothing the importer decodes. */
export function normaliseEncoding(label: string): Encoding | null {
	const s = label.trim().toLowerCase().replace(/\s+/g, '');
	for (const [re, enc] of LABELS) if (re.test(s)) return enc;
	return null;
}

/** The DBF language driver id (header byte 29) as an encoding: 0x4D/0x7A GBK, 0x4F Big5, 0x03/0x57 Windows-1252. */
export function dbfCodePage(byte: number): Encoding | null {
	switch (byte) {
		case 0x4d:
		case 0x7a:
			return 'gbk';
		case 0x4f:
			return 'big5';
		case 0x03:
		case 0x57:
			return 'windows-1252';
		default:
			return null;
	}
}

/** Valid UTF-8 (pure ASCII says so too), else valid GBK, else Windows-1252 as a last resort. */
export function guessEncoding(sample: Uint8Array): EncodingChoice {
	let ascii = true;
	for (let i = 0; i < sample.length; i++) {
		if (sample[i] > 0x7f) {
			ascii = false;
			break;
		}
	}
	if (ascii) return { encoding: 'utf-8', rule: 'ascii' };
	if (decodes(sample, 'utf-8')) return { encoding: 'utf-8', rule: 'valid_utf8' };
	if (decodes(sample, 'gbk')) return { encoding: 'gbk', rule: 'valid_gbk' };
	return { encoding: 'windows-1252', rule: 'fallback' };
}

function decodes(bytes: Uint8Array, encoding: Encoding): boolean {
	try {
		new TextDecoder(encoding, { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/** The user's encoding option, checked. */
export function userEncoding(label: string | null | undefined): EncodingChoice | null {
	if (!label) return null;
	const encoding = normaliseEncoding(label);
	if (!encoding) throw new ImportFileError('import.encoding_unknown', { encoding: label.slice(0, 40) });
	return { encoding, rule: 'user' };
}

/** Text of a whole file (CSV, red-line file): the user's choice, a BOM, else the checked guess. */
export function decodeText(bytes: Uint8Array, user: EncodingChoice | null): { text: string; choice: EncodingChoice } {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), choice: user ?? { encoding: 'utf-8', rule: 'bom' } };
	}
	// A large file is judged by its first 4 MB, cut at a line break (never inside a character).
	const sample = bytes.length > 4_000_000 ? bytes.subarray(0, Math.max(1, bytes.lastIndexOf(0x0a, 4_000_000))) : bytes;
	const choice = user ?? guessEncoding(sample);
	return { text: new TextDecoder(choice.encoding).decode(bytes), choice };
}
