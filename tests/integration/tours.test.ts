import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Position } from 'geojson';
import type { Database } from '../../src/lib/server/db/client';
import { optimiseTour, planTour, roadGraph, routeTour, TourPlanError } from '../../src/lib/server/tours/graph';
import { haversineM } from '../../src/lib/geo/routing';
import { MODE, openEmptyDatabase, openTestDatabase } from './db';
import { sessionUser, signIn } from '../../src/lib/server/auth';
import { copyTour, deleteTour, getTour, listTours, revokeShare, saveTour, shareTour, tourByToken } from '../../src/lib/server/tours';
import { tourSchema, type TourStop } from '../../src/lib/domain/tour-schema';
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { tourExport } from '../../src/lib/server/tours/export';
import { tourItinerary } from '../../src/lib/server/tours/itinerary';
import { stopsFromRefs } from '../../src/lib/server/tours/stops';
import { legPath } from '../../src/lib/domain/tour-plan';

let db: Database;
let facilities: Record<string, Position>;
beforeAll(async () => {
	db = await openTestDatabase();
	const rows = await db.rows<{ code: string; lon: number; lat: number }>(sql`select code, ST_X(location) as lon, ST_Y(location) as lat from facilities`);
	facilities = Object.fromEntries(rows.map((r) => [r.code, [Number(r.lon), Number(r.lat)]]));
});
afterAll(() => db?.close());

describe(`tour routing on the sample network (${MODE})`, () => {
	it('builds one graph from the roads table and reuses it until the roads change', async () => {
		const g = await roadGraph(db);
		expect(g.roads.length).toBeGreaterThan(500);
		expect(await roadGraph(db)).toBe(g);
	});
	it('routes hotel → airport → port along roads, longer than the straight line but not absurdly', async () => {
		const stops = [facilities['hotel-blue-ocean'], facilities['airport-shengli'], facilities['port-guangli']];
		const r = await routeTour(db, stops);
		expect(r.estimated).toBe(false);
		expect(r.legs).toHaveLength(2);
		const straight = haversineM(stops[0], stops[1]);
		expect(r.legs[0].distanceM).toBeGreaterThan(straight);
		expect(r.legs[0].distanceM).toBeLessThan(straight * 2.5);
		expect(r.durationS).toBeGreaterThan(0);
	});
	it('never makes a tour worse by optimising its order', async () => {
		const stops = ['gov-service', 'port-guangli', 'uni-upc', 'airport-shengli', 'rail-dongying-south', 'hotel-blue-ocean'].map((c) => facilities[c]);
		const r = await optimiseTour(db, stops);
		expect(r.costS).toBeLessThanOrEqual(r.givenCostS);
		expect(r.order[0]).toBe(0);
		expect(r.order[r.order.length - 1]).toBe(stops.length - 1);
	});
});

describe(`tours are saved, shared and audited (${MODE})`, () => {
	const as = async (email: string, password: string) => (await sessionUser(db, (await signIn(db, email, password, `ip-tour-${email}`)).token))!;
	const input = () =>
		tourSchema.parse({
			title: 'Rare-earth delegation',
			delegationOrg: 'Acme Catalysts',
			delegationSize: 6,
			tourDate: '2026-12-02',
			startTime: '09:00',
			stops: [
				{ siteKind: 'facility', code: 'hotel-blue-ocean', location: facilities['hotel-blue-ocean'], label: 'Hotel', dwellMin: 0, notes: '' },
				{ siteKind: 'facility', code: 'ri-materials', location: facilities['ri-materials'], label: 'Research institute', dwellMin: 40, notes: 'lab tour' },
				{ siteKind: 'point', code: null, location: facilities['gov-service'], label: 'Lunch', dwellMin: 60, notes: '' },
				{ siteKind: 'facility', code: 'hotel-blue-ocean', location: facilities['hotel-blue-ocean'], label: 'Hotel', dwellMin: 0, notes: '' }
			]
		});

	it('saves a tour with its route and reloads it equal to itself, with one audit entry', async () => {
		const staff = await as('staff@demo.siteatlas', 'demo-staff-2026');
		const audits = Number((await db.rows<{ n: number }>(sql`select count(*)::int as n from audit_entries where entity = 'tour'`))[0].n);
		const saved = await saveTour(db, staff, null, input());
		expect(saved.route.length).toBeGreaterThan(2);
		expect(saved.distanceM).toBeGreaterThan(1000);
		const reloaded = await getTour(db, staff, saved.id);
		expect({ ...reloaded, estimated: saved.estimated }).toEqual(saved);
		expect(reloaded.stops.map((s) => s.code)).toEqual(['hotel-blue-ocean', 'ri-materials', null, 'hotel-blue-ocean']);
		expect(Number((await db.rows<{ n: number }>(sql`select count(*)::int as n from audit_entries where entity = 'tour'`))[0].n)).toBe(audits + 1);
		const copy = await copyTour(db, staff, saved.id, 'Copy');
		expect(copy.id).not.toBe(saved.id);
		expect(copy.stops).toEqual(saved.stops);
		await deleteTour(db, staff, copy.id);
		await expect(getTour(db, staff, copy.id)).rejects.toMatchObject({ status: 404 });
	});
	it('refuses park editors and anonymous users', async () => {
		const editor = await as('editor-nm@demo.siteatlas', 'demo-nm-2026');
		await expect(saveTour(db, editor, null, input())).rejects.toMatchObject({ status: 403 });
		await expect(saveTour(db, null, null, input())).rejects.toMatchObject({ status: 401 });
	});
	it('opens a share link that can be revoked and can expire', async () => {
		const staff = await as('staff@demo.siteatlas', 'demo-staff-2026');
		const saved = await saveTour(db, staff, null, input());
		const token = await shareTour(db, staff, saved.id, null);
		expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect((await tourByToken(db, token))!.title).toBe('Rare-earth delegation');
		await revokeShare(db, staff, saved.id);
		expect(await tourByToken(db, token)).toBeNull();
		const expired = await shareTour(db, staff, saved.id, new Date(Date.now() - 1000));
		expect(await tourByToken(db, expired)).toBeNull();
		expect(await tourByToken(db, 'x'.repeat(32))).toBeNull();
	});
});

describe(`tour plans, exports and itineraries (${MODE})`, () => {
	const as = async (email: string, password: string) => (await sessionUser(db, (await signIn(db, email, password, `ip-tour2-${email}`)).token))!;
	const stop = (code: string, dwellMin: number): TourStop => ({
		siteKind: 'facility',
		code,
		location: facilities[code] as [number, number],
		label: code,
		dwellMin,
		notes: '',
		contact: ''
	});
	const base = () => ({
		startTime: '09:00',
		lunchAfterStop: null as number | null,
		lunchMin: 60,
		stops: [stop('hotel-blue-ocean', 0), stop('ri-materials', 40), stop('uni-upc', 30), stop('hotel-blue-ocean', 0)]
	});

	it('times every stop from the driving time of each leg, its dwell and lunch', async () => {
		const plain = await planTour(db, base());
		expect(plain.legs).toHaveLength(3);
		expect(plain.times).toHaveLength(4);
		const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
		// Arrival at stop 2 = 09:00 + leg 1; departure = arrival + 40 min dwell.
		expect(toMin(plain.times[1].arrival)).toBe(Math.round(540 + plain.legs[0].durationS / 60));
		expect(toMin(plain.times[1].departure) - toMin(plain.times[1].arrival)).toBe(40);
		// Legs tile the route: each leg's path starts where the previous one ended.
		for (let i = 1; i < plain.legs.length; i++) expect(plain.legs[i].from).toBe(plain.legs[i - 1].to);
		expect(legPath(plain, plain.legs[0])[0]).toEqual(plain.route[0]);
		const withLunch = await planTour(db, { ...base(), lunchAfterStop: 1 });
		expect(toMin(withLunch.endTime) - toMin(plain.endTime)).toBe(60);
	});

	it('names a stop far from any road, and refuses a tour that runs past midnight', async () => {
		const far = {
			...base(),
			stops: [stop('hotel-blue-ocean', 0), { ...stop('uni-upc', 10), siteKind: 'point' as const, code: null, location: [118.9, 37.2] as [number, number] }]
		};
		const e = await planTour(db, far).catch((x) => x);
		expect(e).toBeInstanceOf(TourPlanError);
		expect(e.problem).toMatchObject({ error: 'far_from_road', stop: 1 });
		expect(e.problem.distanceM).toBeGreaterThan(500);
		const late = await planTour(db, { ...base(), startTime: '22:30', stops: base().stops.map((s) => ({ ...s, dwellMin: 90 })) }).catch((x) => x);
		expect(late.problem).toMatchObject({ error: 'past_midnight' });
	});

	it('exports a saved tour as GPX, KML and GeoJSON that parse back into the same stops and path', async () => {
		const staff = await as('staff@demo.siteatlas', 'demo-staff-2026');
		const saved = await saveTour(db, staff, null, tourSchema.parse({ title: 'Export <check> & co', tourDate: '2026-12-01', ...base() }));
		const near = (a: number[], b: number[]) => Math.abs(a[0] - b[0]) < 2e-6 && Math.abs(a[1] - b[1]) < 2e-6;
		const names = saved.stops.map((s, i) => `${i + 1}. ${s.label}`);
		const parse = (t: string) => new DOMParser().parseFromString(t, 'text/xml') as unknown as Document;
		for (const fc of [gpx(parse(tourExport(saved, 'tour.gpx').body)), kml(parse(tourExport(saved, 'tour.kml').body))]) {
			const points = fc.features.filter((f) => f.geometry?.type === 'Point');
			expect(points.map((p) => p.properties!.name)).toEqual(names);
			points.forEach((p, i) => expect(near((p.geometry as { coordinates: number[] }).coordinates, saved.stops[i].location)).toBe(true));
			const line = fc.features.find((f) => f.geometry?.type === 'LineString')!.geometry as { coordinates: number[][] };
			expect(line.coordinates).toHaveLength(saved.route.length);
			line.coordinates.forEach((c, i) => expect(near(c, saved.route[i])).toBe(true));
		}
		const geo = JSON.parse(tourExport(saved, 'tour.geojson').body);
		expect(
			geo.features
				.filter((f: { geometry: { type: string } }) => f.geometry.type === 'Point')
				.map((f: { properties: { arrival: string } }) => f.properties.arrival)
		).toEqual(saved.times.map((t) => t.arrival));
	});

	it('builds the itinerary: site facts, the park contact where a stop has none, one overview point per place and an arrow per leg', async () => {
		const staff = await as('staff@demo.siteatlas', 'demo-staff-2026');
		const [plot] = await db.rows<{ code: string }>(sql`select p.code from plots p where p.published and p.supply_status = 'available' order by p.code limit 1`);
		const { stops, missing } = await stopsFromRefs(db, [`plot:${plot.code}`, 'plot:NO-SUCH-PLOT', 'facility:uni-upc'], true);
		expect(missing).toEqual(['plot:NO-SUCH-PLOT']);
		expect(stops.map((s) => s.siteKind)).toEqual(['plot', 'facility']);
		const input = tourSchema.parse({
			title: 'Itinerary',
			...base(),
			stops: [stop('hotel-blue-ocean', 0), stops[0], { ...stops[1], contact: 'Dr. Wang 138 0000 0000' }, stop('hotel-blue-ocean', 0)]
		});
		const saved = await saveTour(db, staff, null, input);
		const it = await tourItinerary(db, saved);
		expect(it.stops).toHaveLength(4);
		expect(it.stops[1].details?.layer).toBe('plots');
		expect(it.stops[1].contact).toMatchObject({ fromPark: true });
		expect(it.stops[2].contact).toEqual({ text: 'Dr. Wang 138 0000 0000', fromPark: false });
		expect(it.stops[1].sketch ?? it.stops[1].photoId).toBeTruthy();
		// Four stops at three places: the hotel, where the tour starts and ends, is one circle "1·4".
		expect(it.overview.points.filter((p) => p.role === 'stop').map((p) => p.tag)).toEqual(['1·4', '2', '3']);
		expect(it.overview.arrows).toHaveLength(3);
		expect(it.overview.paths.filter((p) => p.role === 'route' && p.tag !== 'access')).toHaveLength(3);
		// Plots are reached on foot from the road: a dashed access path joins the stop to its legs.
		expect(it.overview.paths.filter((p) => p.tag === 'access').length).toBeGreaterThan(0);
	});

	it('saves a tour whose stops are all at one place, and refuses a stop at a site that does not exist', async () => {
		const staff = await as('staff@demo.siteatlas', 'demo-staff-2026');
		const here = tourSchema.parse({ title: 'Stay put', ...base(), stops: [stop('hotel-blue-ocean', 0), stop('hotel-blue-ocean', 30)] });
		const saved = await saveTour(db, staff, null, here);
		expect(saved.distanceM).toBe(0);
		expect(saved.times.map((t) => t.arrival)).toEqual(['09:00', '09:00']);
		expect((await getTour(db, staff, saved.id)).stops).toHaveLength(2);
		const ghost = tourSchema.parse({ title: 'Ghost', ...base(), stops: [stop('hotel-blue-ocean', 0), { ...stop('uni-upc', 10), code: 'no-such-facility' }] });
		await expect(saveTour(db, staff, null, ghost)).rejects.toMatchObject({ status: 400, fields: { 'stops.1': 'tour.error.unknown_site' } });
	});

	it('lists tours for staff only; sharing leaves the version alone; a shared tour hides the delegation contact', async () => {
		const staff = await as('staff@demo.siteatlas', 'demo-staff-2026');
		const editor = await as('editor-nm@demo.siteatlas', 'demo-nm-2026');
		const saved = await saveTour(db, staff, null, tourSchema.parse({ title: 'Listed', delegationContact: 'Ms. Chen +86 139', ...base() }));
		expect((await listTours(db, staff)).find((t) => t.id === saved.id)).toMatchObject({ title: 'Listed', stops: 4, shared: false });
		await expect(listTours(db, editor)).rejects.toMatchObject({ status: 403 });
		await expect(getTour(db, editor, saved.id)).rejects.toMatchObject({ status: 403 });
		const token = await shareTour(db, staff, saved.id, null);
		expect((await getTour(db, staff, saved.id)).version).toBe(saved.version);
		const shared = (await tourByToken(db, token))!;
		expect(shared.delegationContact).toBe('');
		expect(shared.shareToken).toBeNull();
		expect((await listTours(db, staff)).find((t) => t.id === saved.id)!.shared).toBe(true);
	});
});

describe(`a zone without road data (${MODE})`, () => {
	it('plans straight legs with the stated detour factor and labels the plan estimated', async () => {
		const empty = await openEmptyDatabase();
		try {
			const a: [number, number] = [118.5, 37.4];
			const b: [number, number] = [118.6, 37.4];
			const plan = await planTour(empty, {
				startTime: '09:00',
				lunchAfterStop: null,
				lunchMin: 60,
				stops: [a, b].map((location, i) => ({ siteKind: 'point' as const, code: null, location, label: `P${i}`, dwellMin: 0, notes: '', contact: '' }))
			});
			expect(plan.estimated).toBe(true);
			expect(plan.detourFactor).toBe(1.3);
			expect(plan.distanceM).toBeCloseTo(haversineM(a, b) * 1.3, 0);
			expect(plan.durationS).toBeCloseTo(plan.distanceM / (40 / 3.6), 3);
			expect(plan.route).toEqual([a, b]);
		} finally {
			await empty.close();
		}
	});
});
