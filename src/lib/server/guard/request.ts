/**
 * The input layer's backstop, run by hooks.server.ts for every request before any route:
 * a URL (path or query) with control characters, and a JSON body that is too large, nested
 * too deep or holds control characters in any string or key, are refused with 400/413 and
 * a message naming the place. Schemas (lib/domain/input) give field-level messages to
 * forms; this makes sure no route, present or future, hands such input to PostgreSQL.
 */
import { hasForbiddenChars } from '../../domain/input';

/** Largest JSON body any route takes (a boundary of 5,000 vertices is ~200 KB). */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;
/** Deepest JSON nesting any route takes (a MultiPolygon is 4 levels of arrays inside 2 objects). */
export const MAX_JSON_DEPTH = 32;

export interface RequestProblem {
	status: 400 | 413;
	error: 'invalid_input' | 'too_large';
	message: string;
}

const bad = (message: string): RequestProblem => ({ status: 400, error: 'invalid_input', message });

/** The URL's path segments and query, decoded, checked for control characters. */
export function checkUrl(url: URL): RequestProblem | null {
	for (const segment of url.pathname.split('/')) {
		let decoded: string;
		try {
			decoded = decodeURIComponent(segment);
		} catch {
			return bad('The address has a malformed percent-encoding.');
		}
		if (hasForbiddenChars(decoded)) return bad('The address contains control characters; remove them.');
	}
	for (const [key, value] of url.searchParams) {
		if (hasForbiddenChars(key) || hasForbiddenChars(value, true)) {
			return bad(`The query parameter "${key.slice(0, 40).replace(/[^\x20-\x7e]/g, '?')}" contains control characters; remove them.`);
		}
	}
	return null;
}

/**
 * Walks parsed JSON without recursion: depth, and every string and key. Text fields may
 * hold line breaks and tabs; nothing may hold NUL or other control characters.
 */
export function checkJsonValue(value: unknown): RequestProblem | null {
	const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: 'body' }];
	while (stack.length) {
		const { v, depth, path } = stack.pop()!;
		if (typeof v === 'string') {
			if (hasForbiddenChars(v, true)) return bad(`${path} contains control characters (such as NUL); remove them.`);
			continue;
		}
		if (v === null || typeof v !== 'object') continue;
		if (depth >= MAX_JSON_DEPTH) return bad(`The JSON body is nested more than ${MAX_JSON_DEPTH} levels deep at ${path}.`);
		if (Array.isArray(v)) {
			for (let i = 0; i < v.length; i++) stack.push({ v: v[i], depth: depth + 1, path: depth < 6 ? `${path}[${i}]` : path });
		} else {
			for (const [k, x] of Object.entries(v)) {
				if (hasForbiddenChars(k)) return bad(`A key in ${path} contains control characters; remove them.`);
				stack.push({ v: x, depth: depth + 1, path: depth < 6 ? `${path}.${k.slice(0, 40)}` : path });
			}
		}
	}
	return null;
}

const isJson = (type: string | null) => !!type && /^application\/([\w.+-]*\+)?json\b/i.test(type);

/** Largest body of any route but the survey import (a photo is at most 5 MB). */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;
/** The one route that takes large uploads; it enforces the import limit itself. */
const LARGE_UPLOADS = /^\/api\/console\/imports\/?$/;

/** Checks a request's URL and, for JSON, its body (read from a clone: the route reads it again). */
export async function checkRequest(request: Request, url: URL): Promise<RequestProblem | null> {
	const urlProblem = checkUrl(url);
	if (urlProblem) return urlProblem;
	// `?/default` names a page's default form action, which SvelteKit reserves and answers with a 500.
	if (request.method === 'POST' && url.searchParams.has('/default')) return bad('Post the form to its page\u2019s address without "?/default".');
	if (!LARGE_UPLOADS.test(url.pathname) && Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
		return { status: 413, error: 'too_large', message: `A request body may be at most ${MAX_BODY_BYTES / 1024 / 1024} MB.` };
	}
	if (request.method === 'GET' || request.method === 'HEAD' || !isJson(request.headers.get('content-type'))) return null;
	const length = Number(request.headers.get('content-length') ?? 0);
	const tooLarge: RequestProblem = { status: 413, error: 'too_large', message: `A JSON body may be at most ${MAX_JSON_BYTES / 1024 / 1024} MB.` };
	if (length > MAX_JSON_BYTES) return tooLarge;
	let text: string;
	try {
		text = await request.clone().text();
	} catch {
		return bad('The request body could not be read.');
	}
	if (text.length > MAX_JSON_BYTES) return tooLarge;
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return null; // not JSON after all: the route says so in its own words
	}
	return checkJsonValue(parsed);
}
