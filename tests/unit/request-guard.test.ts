import { describe, expect, it } from 'vitest';
import { checkJsonValue, checkRequest, checkUrl, MAX_JSON_DEPTH } from '../../src/lib/server/guard/request';
import { widenPolicy, extraMapOrigins } from '../../src/lib/server/guard/headers';
import { consoleAccess } from '../../src/lib/server/guard/console';

describe('the request guard', () => {
	it('refuses control characters in the path and the query, keeps ordinary Chinese text', () => {
		expect(checkUrl(new URL('http://x/console?q=%E6%96%B0%E6%9D%90%E6%96%99'))).toBeNull();
		expect(checkUrl(new URL('http://x/console?q=a%00b'))?.status).toBe(400);
		expect(checkUrl(new URL('http://x/plots/NM%00'))?.status).toBe(400);
		expect(checkUrl(new URL('http://x/plots/%E0%A4%A'))?.message).toMatch(/percent-encoding/);
	});

	it('walks JSON without recursion, naming where a NUL is', () => {
		expect(checkJsonValue({ a: [{ notes: 'line\nline' }] })).toBeNull();
		expect(checkJsonValue({ stops: [{ label: 'x\u0000' }] })?.message).toMatch(/body\.stops\[0\]\.label/);
		expect(checkJsonValue({ ['k\u0000']: 1 })?.status).toBe(400);
		let deep: unknown = 1;
		for (let i = 0; i < 5000; i++) deep = [deep];
		expect(checkJsonValue({ geometry: { coordinates: deep } })?.message).toMatch(new RegExp(`${MAX_JSON_DEPTH} levels`));
	});

	it('reads a JSON body from a clone, so the route can still read it', async () => {
		const request = new Request('http://x/api/enquiries', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"company":"A\\u0000"}' });
		expect((await checkRequest(request, new URL(request.url)))?.status).toBe(400);
		expect(await request.json()).toEqual({ company: 'A\u0000' });
	});
});

describe('security headers', () => {
	it('add a deployment basemap origin to the page policy', () => {
		const origins = extraMapOrigins({
			SITEATLAS_BASEMAP_STYLE_URL: 'https://t0.tianditu.gov.cn/style.json',
			SITEATLAS_CSP_ORIGINS: 'https://*.tianditu.gov.cn, not a url'
		});
		expect(origins).toEqual(['https://t0.tianditu.gov.cn', 'https://*.tianditu.gov.cn']);
		expect(widenPolicy("default-src 'self'; connect-src 'self'; img-src 'self' data:", origins)).toBe(
			"default-src 'self'; connect-src 'self' https://t0.tianditu.gov.cn https://*.tianditu.gov.cn; img-src 'self' data: https://t0.tianditu.gov.cn https://*.tianditu.gov.cn"
		);
	});
});

describe('the console guard', () => {
	it('asks for a session on every console page and endpoint, and nowhere else', () => {
		expect(consoleAccess('/console', null)).toBe('unauthenticated-page');
		expect(consoleAccess('/console/plots/X/__data.json', null)).toBe('unauthenticated-page');
		const temporary = { id: 1, email: 'a@b.c', displayName: 'A', role: 'staff' as const, parkIds: [], locale: 'zh-CN', mustChangePassword: true };
		expect(consoleAccess('/console', temporary)).toBe('password-change-page');
		expect(consoleAccess('/console/account', temporary)).toBe('allowed');
		expect(consoleAccess('/api/console/plots/X', temporary)).toBe('password-change-api');
		expect(consoleAccess('/console', { ...temporary, mustChangePassword: false })).toBe('allowed');
		expect(consoleAccess('/api/console/tours', null)).toBe('unauthenticated-api');
		expect(consoleAccess('/consoles', null)).toBe('public');
		expect(consoleAccess('/api/search', null)).toBe('public');
	});
});

describe('reserved action names', () => {
	it('refuses a post to ?/default (SvelteKit would answer 500) but not the page itself', async () => {
		const post = (u: string) => checkRequest(new Request(u, { method: 'POST' }), new URL(u));
		expect((await post('http://zone.example/signin?/default'))?.status).toBe(400);
		expect(await post('http://zone.example/signin')).toBeNull();
		expect(await post('http://zone.example/plots/NM-1?/enquire')).toBeNull();
	});
});
