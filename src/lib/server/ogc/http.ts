/**
 * Answers of the OGC API: JSON or HTML by `f` (else by the Accept header), open to every origin
 * (a public read API), errors as the standard's exception document, never a stack trace.
 */
import { createHash } from 'node:crypto';
import { json } from '@sveltejs/kit';
import { OgcError } from './features';
import { getDatabase } from '../db';
import { currentVersions } from '../tiles/versions';
import { escapeXml } from '../../domain/markup';

export type Format = 'json' | 'html';

export function formatOf(url: URL, request: Request): Format {
	const f = url.searchParams.get('f');
	if (f === 'html') return 'html';
	if (f === 'json' || f === 'geojson') return 'json';
	if (f) throw new OgcError(400, 'InvalidParameterValue', 'f must be json or html.');
	const accept = request.headers.get('accept') ?? '';
	return accept.includes('text/html') && !accept.includes('json') ? 'html' : 'json';
}

const OPEN = {
	'access-control-allow-origin': '*',
	'access-control-expose-headers': 'ETag, Content-Crs',
	'cache-control': 'public, max-age=0, must-revalidate'
};

export function jsonAnswer(body: unknown, type = 'application/json', extra: Record<string, string> = {}) {
	return json(body, { headers: { ...OPEN, 'content-type': type, ...extra } });
}

/** A plain HTML page for people who open the API in a browser: a title, a body of escaped text, links. */
export function htmlAnswer(
	title: string,
	parts: { heading?: string; text?: string; links?: { href: string; label: string }[]; table?: { head: string[]; rows: unknown[][] } }[]
) {
	const body = parts
		.map((p) => {
			const h = p.heading ? `<h2>${escapeXml(p.heading)}</h2>` : '';
			const t = p.text ? `<p>${escapeXml(p.text)}</p>` : '';
			const l = p.links?.length ? `<ul>${p.links.map((x) => `<li><a href="${escapeXml(x.href)}">${escapeXml(x.label)}</a></li>`).join('')}</ul>` : '';
			const tb = p.table
				? `<table><thead><tr>${p.table.head.map((c) => `<th>${escapeXml(c)}</th>`).join('')}</tr></thead><tbody>${p.table.rows
						.map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`)
						.join('')}</tbody></table>`
				: '';
			return `<section>${h}${t}${l}${tb}</section>`;
		})
		.join('');
	const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(title)}</title>
<style>body{font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem;color:#0f172a}table{border-collapse:collapse;font-size:.9rem}th,td{border-bottom:1px solid #cbd5e1;padding:.2rem .5rem;text-align:left}a{color:#0b4f6c}</style>
</head><body><main><h1>${escapeXml(title)}</h1>${body}</main></body></html>`;
	return new Response(page, { headers: { ...OPEN, 'content-type': 'text/html; charset=utf-8' } });
}

/**
 * Runs an OGC handler: its answer tagged with an ETag made of the address, the format and the
 * layers' data versions (every write bumps them), so a client or cache revalidates cheaply — 304
 * while nothing changed; parameter and lookup failures as the exception document (400 / 404).
 */
export async function ogcResponse(fn: () => Promise<Response>, request?: Request, url?: URL): Promise<Response> {
	let etag: string | null = null;
	if (request && url) {
		const v = await currentVersions(await getDatabase());
		const key = `${url.pathname}?${url.searchParams.toString()}|${request.headers.get('accept') ?? ''}|${JSON.stringify(v.layers)}|${v.day}`;
		etag = `"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
		const asked = request.headers.get('if-none-match');
		if (asked && asked.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return new Response(null, { status: 304, headers: { ...OPEN, etag } });
	}
	try {
		const answer = await fn();
		if (etag) answer.headers.set('etag', etag);
		return answer;
	} catch (e) {
		if (e instanceof OgcError)
			return json(
				{ code: e.code, description: e.message, message: e.message },
				{ status: e.status, headers: { ...OPEN, 'content-type': 'application/json', 'cache-control': 'no-store' } }
			);
		throw e;
	}
}
