/**
 * Security headers on every response the app renders. Pages get their Content-Security-Policy
 * from SvelteKit (`kit.csp` in svelte.config.js, with a nonce per response for its inline
 * scripts); here a deployment's basemap origins are added to it, and every other response
 * (JSON, tiles, photos, downloads) gets a policy that allows nothing to run or frame it.
 */

/** Origins the page may load map data from besides its own: the basemap style's, and SITEATLAS_CSP_ORIGINS. */
export function extraMapOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
	const out = new Set<string>();
	const style = env.SITEATLAS_BASEMAP_STYLE_URL;
	if (style) {
		try {
			out.add(new URL(style).origin);
		} catch {
			// an unparseable URL adds nothing; the basemap then fails visibly in the browser
		}
	}
	for (const o of (env.SITEATLAS_CSP_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean)) {
		if (/^https?:\/\/[\w.-]+(:\d+)?$/.test(o) || /^https?:\/\/\*\.[\w.-]+$/.test(o)) out.add(o);
	}
	return [...out];
}

/** Adds origins to the connect-src and img-src directives of a policy. */
export function widenPolicy(policy: string, origins: string[]): string {
	if (!origins.length) return policy;
	return policy
		.split(';')
		.map((d) => {
			const name = d.trim().split(/\s+/)[0];
			return name === 'connect-src' || name === 'img-src' || name === 'font-src' ? `${d.trim()} ${origins.join(' ')}` : d.trim();
		})
		.filter(Boolean)
		.join('; ');
}

const COMMON: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), payment=(), usb=()'
};

/** For anything that is not a page: nothing may run in it or frame it. */
const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** Sets the headers on a response (copying it first when its headers are immutable). */
export function withSecurityHeaders(response: Response, opts: { https: boolean; origins: string[] }): Response {
	let r = response;
	try {
		r.headers.set('x-content-type-options', 'nosniff');
	} catch {
		r = new Response(response.body, response);
	}
	for (const [k, v] of Object.entries(COMMON)) r.headers.set(k, v);
	if (opts.https) r.headers.set('strict-transport-security', 'max-age=31536000');
	const page = (r.headers.get('content-type') ?? '').startsWith('text/html');
	const csp = r.headers.get('content-security-policy');
	if (page && csp) r.headers.set('content-security-policy', widenPolicy(csp, opts.origins));
	else if (!csp) r.headers.set('content-security-policy', page ? "frame-ancestors 'none'" : NON_PAGE_POLICY);
	return r;
}
