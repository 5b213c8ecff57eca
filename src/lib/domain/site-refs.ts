/** References to sites in a compare list or URL: "plot:CODE", "building:CODE". */
export const MAX_COMPARE = 4;

export type SiteRef = `${'plot' | 'building'}:${string}`;

/** Parses a comma-separated list, keeping valid, distinct refs up to MAX_COMPARE. */
export function parseSiteRefs(raw: string | null): SiteRef[] {
	if (!raw) return [];
	const refs = raw
		.split(',')
		.map((s) => s.trim())
		.filter((s): s is SiteRef => /^(plot|building):[A-Za-z0-9_-]{1,64}$/.test(s));
	return [...new Set(refs)].slice(0, MAX_COMPARE);
}
