import { expect, test } from '@playwright/test';
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { generateSampleZone } from '../../src/lib/server/sample/generate';

const zone = generateSampleZone();
const at = (code: string) => zone.facilities.find((f) => f.code === code)!.location;
const tour = {
	title: 'Delegation <Acme>',
	delegationOrg: 'Acme',
	delegationSize: 5,
	tourDate: '2026-12-03',
	startTime: '09:00',
	stops: [
		{ siteKind: 'facility', code: 'hotel-blue-ocean', location: at('hotel-blue-ocean'), label: 'Hotel', dwellMin: 0, notes: '' },
		{ siteKind: 'facility', code: 'ri-materials', location: at('ri-materials'), label: 'Institute', dwellMin: 30, notes: 'lab' },
		{ siteKind: 'facility', code: 'airport-shengli', location: at('airport-shengli'), label: 'Airport', dwellMin: 20, notes: '' }
	]
};

test('tours over HTTP: staff only, shareable, exportable, and a revoked link is gone', async ({ playwright, baseURL }) => {
	const ctx = (headers: Record<string, string> = {}) => playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL!, accept: 'text/html', ...headers } });
	const staff = await ctx();
	await staff.post('/signin', { form: { email: 'staff@demo.siteatlas', password: 'demo-staff-2026' }, maxRedirects: 0 });
	const editor = await ctx();
	await editor.post('/signin', { form: { email: 'editor-nm@demo.siteatlas', password: 'demo-nm-2026' }, maxRedirects: 0 });
	const anon = await ctx();

	expect((await anon.post('/api/console/tours', { data: tour })).status()).toBe(401);
	expect((await editor.post('/api/console/tours', { data: tour })).status()).toBe(403);
	const created = await staff.post('/api/console/tours', { data: tour });
	expect(created.status()).toBe(200);
	const saved = await created.json();
	expect(saved.distanceM).toBeGreaterThan(1000);
	expect((await staff.put(`/api/console/tours/${saved.id}`, { data: { ...tour, version: saved.version + 5 } })).status()).toBe(409);
	expect((await staff.post('/api/console/tours', { data: { ...tour, startTime: '25:00' } })).status()).toBe(400);

	const share = await (await staff.post(`/api/console/tours/${saved.id}/share`, { data: {} })).json();
	const shared = await anon.get(`/api/tours/shared/${share.token}`);
	expect(shared.status()).toBe(200);
	expect((await shared.json()).title).toBe('Delegation <Acme>');
	const g = gpx(new DOMParser().parseFromString(await (await anon.get(`/api/tours/shared/${share.token}/tour.gpx`)).text(), 'text/xml') as unknown as Document);
	expect(g.features.filter((f) => f.geometry?.type === 'Point').map((f) => f.properties!.name)).toEqual(['1. Hotel', '2. Institute', '3. Airport']);
	expect(g.features.some((f) => f.geometry?.type === 'LineString')).toBe(true);
	const k = kml(new DOMParser().parseFromString(await (await anon.get(`/api/tours/shared/${share.token}/tour.kml`)).text(), 'text/xml') as unknown as Document);
	expect(k.features.length).toBe(4);
	expect((await (await anon.get(`/api/tours/shared/${share.token}/tour.geojson`)).json()).features).toHaveLength(4);

	expect((await staff.delete(`/api/console/tours/${saved.id}/share`)).status()).toBe(200);
	expect((await anon.get(`/api/tours/shared/${share.token}`)).status()).toBe(404);
	expect((await anon.get(`/api/tours/shared/${share.token}/tour.gpx`)).status()).toBe(404);
	for (const c of [staff, editor, anon]) await c.dispose();
});
