/**
 * Where sign-in may send a user back to: a path on this site, never another host. Browsers
 * read `/\evil.example` and `/<tab>/evil.example` as `//evil.example`, so the test is the URL
 * parser's own answer, not a prefix check.
 */
const BASE = 'http://siteatlas.invalid';

/** The same-origin path of `next` (path, query, fragment), or `fallback` for anything else. */
export function sameOriginPath(next: string | null | undefined, fallback = '/console'): string {
	// eslint-disable-next-line no-control-regex -- a tab or line break in a path is how browsers get tricked
	if (!next || !next.startsWith('/') || /[\\\u0000-\u001F\u007F]/.test(next)) return fallback;
	let url: URL;
	try {
		url = new URL(next, BASE);
	} catch {
		return fallback;
	}
	if (url.origin !== BASE) return fallback;
	const path = url.pathname + url.search + url.hash;
	return path.startsWith('//') ? fallback : path;
}
