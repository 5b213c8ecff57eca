import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Position } from 'geojson';
import type { Database } from '../../src/lib/server/db/client';
import { optimiseTour, roadGraph, routeTour } from '../../src/lib/server/tours/graph';
import { haversineM } from '../../src/lib/geo/routing';
import { MODE, openTestDatabase } from './db';

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

import { sessionUser, signIn } from '../../src/lib/server/auth';
import { copyTour, deleteTour, getTour, revokeShare, saveTour, shareTour, tourByToken } from '../../src/lib/server/tours';
import { tourSchema } from '../../src/lib/domain/tour-schema';

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
