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
