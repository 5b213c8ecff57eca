/**
 * The public read API — OGC API, TileJSON and styles, the finder's search and the public
 * downloads — shared fairly: each client address may make SITEATLAS_API_RATE requests a
 * minute (600 by default; a token bucket, so short bursts pass), and past that gets 429 with
 * Retry-After and a sentence saying when to try again. The buckets live in this process
 * (one per server instance). Its reads carry an ETag of their body where the route set
 * none, so clients and caches revalidate with If-None-Match (304, no body).
 */
import { createHash } from 'node:crypto';

/** Paths of the public read API (vector tiles are excluded: the map asks for dozens at a time). */
export const isPublicApi = (path: string) =>
	/^\/ogc(\/|$)/.test(path) ||
	/^\/api\/(search|export|taxonomy|features|map)(\/|$)/.test(path) ||
	/^\/tiles\/[^/]+\.json$/.test(path) ||
	/^\/styles\//.test(path);

const DEFAULT_PER_MINUTE = 600;
const MAX_BUCKETS = 50_000;

export function ratePerMinute(env = process.env.SITEATLAS_API_RATE): number {
	const n = Number(env);
	return Number.isInteger(n) && n > 0 ? n : DEFAULT_PER_MINUTE;
}

interface Bucket {
	tokens: number;
	at: number;
}

export class RateLimiter {
	private buckets = new Map<string, Bucket>();
	constructor(readonly perMinute: number) {}

	/** Takes one request's token for the address: null when allowed, else the seconds to wait. */
	take(address: string, now = Date.now()): number | null {
		const refill = this.perMinute / 60_000;
		let b = this.buckets.get(address);
		if (!b) {
			if (this.buckets.size >= MAX_BUCKETS) this.prune(now);
			b = { tokens: this.perMinute, at: now };
			this.buckets.set(address, b);
		}
		b.tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * refill);
		b.at = now;
		if (b.tokens >= 1) {
			b.tokens -= 1;
			return null;
		}
		return Math.max(1, Math.ceil((1 - b.tokens) / refill / 1000));
	}

	/** Forgets buckets that have filled up again (they behave as new ones). */
	private prune(now: number) {
		const refill = this.perMinute / 60_000;
		for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) * refill >= this.perMinute) this.buckets.delete(k);
		if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
	}
}

const TAGGED_TYPES = /json|xml|text\/html/;

/** A 200 GET answer tagged with an ETag of its body (unless it has one or must not be stored); 304 when the client holds it. */
export async function withBodyEtag(request: Request, response: Response): Promise<Response> {
	if (request.method !== 'GET' || response.status !== 200 || response.headers.has('etag')) return response;
	if (/no-store/.test(response.headers.get('cache-control') ?? '') || !TAGGED_TYPES.test(response.headers.get('content-type') ?? '')) return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
	const headers = new Headers(response.headers);
	headers.set('etag', etag);
	const asked = request.headers.get('if-none-match');
	if (asked && asked.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
		headers.delete('content-length');
		return new Response(null, { status: 304, headers });
	}
	return new Response(body, { status: 200, headers });
}
