/**
 * Text in GBK (code page 936), for shapefiles that Chinese desktop GIS open without a `.cpg`.
 * `TextEncoder` writes only UTF-8; the table is built once from `TextDecoder('gbk')` itself —
 * every two-byte code it decodes — so encoding and decoding agree by construction. A
 * character GBK cannot hold becomes `?`.
 */
let table: Map<string, number> | null = null;

function gbkTable(): Map<string, number> {
	if (table) return table;
	table = new Map();
	const decoder = new TextDecoder('gbk');
	const pair = new Uint8Array(2);
	for (let lead = 0x81; lead <= 0xfe; lead++) {
		for (let trail = 0x40; trail <= 0xfe; trail++) {
			if (trail === 0x7f) continue;
			pair[0] = lead;
			pair[1] = trail;
			const ch = decoder.decode(pair);
			if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
		}
	}
	return table;
}

export function encodeGbk(text: string): Uint8Array {
	const t = gbkTable();
	const out: number[] = [];
	for (const ch of text) {
		const c = ch.codePointAt(0)!;
		if (c < 0x80) out.push(c);
		else {
			const code = t.get(ch);
			if (code === undefined) out.push(0x3f);
			else out.push(code >> 8, code & 0xff);
		}
	}
	return Uint8Array.from(out);
}
