import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/client';
import { heatCells, HeatInputError, hexSizeM, parseHeatRequest } from '../../src/lib/server/heat';
import { createEnquiry } from '../../src/lib/server/enquiries';
import { SiteViewCounter } from '../../src/lib/server/enquiries/views';
import { enquirySchema } from '../../src/lib/domain/enquiry';
import { MODE, openEmptyDatabase } from './db';
import { loadFixture } from './fixture';

let db: Database;
beforeAll(async () => {
	db = await openEmptyDatabase();
	await loadFixture(db, 'tests/fixtures/finder/zone.geojson');
});
afterAll(() => db?.close());

const ZONE: [number, number, number, number] = [99.98, 29.98, 100.25, 30.03];
const sum = (cells: { value: number }[]) => cells.reduce((s, c) => s + c.value, 0);

describe(`heat aggregation (${MODE})`, () => {
	it('sums available land in 亩 of published sites only', async () => {
		const r = await heatCells(db, { metric: 'available_land', zoom: 13, bbox: ZONE });
		expect(r.unit).toBe('mu');
		const [expected] = await db.rows<{ mu: number }>(sql`
			select sum(p.area_m2) / (10000.0 / 15) as mu from plots p join parks k on k.id = p.park_id
			where p.published and k.published and p.supply_status = 'available'`);
		expect(sum(r.cells)).toBeCloseTo(Number(expected.mu), 6);
		// A, B, C and the stale G are available and published; D (unpublished) and E (unpublished park) are not counted.
		expect(sum(r.cells)).toBeGreaterThan(150);
		expect(sum(r.cells)).toBeLessThan(165);
		expect(r.breaks.length).toBeGreaterThan(0);
		for (const c of r.cells) expect(c.polygon.length).toBe(7);
	});
	it('sums vacant floor area of published buildings', async () => {
		const r = await heatCells(db, { metric: 'vacant_floor', zoom: 13, bbox: ZONE });
		expect(sum(r.cells)).toBe(3800);
	});
	it('counts demand: enquiries plus page views', async () => {
		await createEnquiry(db, enquirySchema.parse({ siteKind: 'plot', siteCode: 'C', company: 'A', contactName: 'B', contactEmail: 'a@b.cn' }), {
			ipHash: 'heat',
			locale: 'en'
		});
		const views = new SiteViewCounter();
		views.count(db, 'plot', 'C');
		views.count(db, 'plot', 'C');
		await views.flush();
		const r = await heatCells(db, { metric: 'demand', zoom: 13, bbox: ZONE });
		expect(sum(r.cells)).toBe(3);
	});
	it('gives each cell the best match score of its sites, 0–100', async () => {
		const points = sql`select ST_X(p) as x, ST_Y(p) as y, v.score as value
			from (values (100.005::float8, 30.004::float8, 80::float8), (100.00502, 30.00401, 50)) v(lon, lat, score)
			cross join lateral ST_Transform(ST_SetSRID(ST_MakePoint(v.lon, v.lat), 4326), 3857) p`;
		const r = await heatCells(db, { metric: 'match', zoom: 13, bbox: ZONE }, points);
		expect(r.cells).toHaveLength(1);
		expect(r.cells[0].value).toBe(80);
		expect(r.cells[0].count).toBe(2);
	});
	it('sizes hexagons to the zoom', () => {
		expect(hexSizeM(12) / hexSizeM(13)).toBeCloseTo(2, 6);
	});
	it('refuses an unknown metric, a malformed box and a box too big for the zoom', async () => {
		expect(() => parseHeatRequest(new URLSearchParams('metric=gold&z=12&bbox=1,1,2,2'))).toThrow(HeatInputError);
		expect(() => parseHeatRequest(new URLSearchParams('z=12&bbox=2,2,1,1'))).toThrow(HeatInputError);
		await expect(heatCells(db, { metric: 'available_land', zoom: 18, bbox: [90, 20, 130, 50] })).rejects.toBeInstanceOf(HeatInputError);
	});
});
