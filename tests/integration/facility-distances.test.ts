/**
 * Each site's distance to the nearest facility of each kind (near_m, migration 0015), which the
 * finder filters and scores on: it always equals a brute-force recount over every facility, after
 * facilities appear, move, change kind, retire or go and after sites move or appear — inside the
 * writing transaction — and the next search sees it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../../src/lib/server/db/client';
import { FACILITY_KINDS } from '../../src/lib/domain/vocab';
import { MAX_RADIUS_KM, parseFinderQuery } from '../../src/lib/domain/finder';
import { rankSites } from '../../src/lib/server/search';
import { MODE, openTestDatabase, rolledBack } from './db';

let db: Database;
beforeAll(async () => {
	db = await openTestDatabase();
});
afterAll(() => db?.close());

type Rows = Pick<Database, 'rows'>;

/** Site–kind pairs whose kept distance differs from the nearest of all published facilities (null past 100 km). */
async function drift(tx: Rows): Promise<number> {
	const [r] = await tx.rows<{ n: number }>(sql`
		with sites as (
			select id, boundary as g, near_m from plots union all select -id, footprint, near_m from buildings
		), truth as (
			select s.id, s.near_m[k.o] as kept,
				(select min(ST_Distance(f.location::geography, s.g::geography)) from facilities f where f.published and f.kind = k.kind) as d
			from sites s cross join unnest(facility_kinds()) with ordinality as k(kind, o)
		)
		select count(*)::int as n from truth
		where (case when d <= 100000 then d end) is distinct from kept and (d is null or kept is null or abs(d - kept) >= 1e-6)`);
	return Number(r.n);
}

/** Every match of a finder query, by code. */
const find = async (tx: Rows, qs: string) =>
	(await rankSites(tx as Database, parseFinderQuery(new URLSearchParams(qs)).query, { offset: 0, limit: 10_000 })).ranked.map((s) => s.code);

describe(`distances to facilities (${MODE})`, () => {
	it('list the kinds in the order of lib/domain/vocab', async () => {
		const [r] = await db.rows<{ kinds: string[] }>(sql`select facility_kinds() as kinds`);
		expect(r.kinds).toEqual([...FACILITY_KINDS]);
	});

	it("stop at the finder's widest radius", async () => {
		await rolledBack(db, async (tx: TxHandle) => {
			await tx.rows(sql`update facilities set published = false`);
			await tx.rows(sql`insert into facilities (code, kind, name_zh, name_en, location, published)
				values ('T-FAR', 'airport', '远处机场', 'Far airport', ST_SetSRID(ST_MakePoint(100, 30), 4326), true)`);
			// Due north of it, 500 m inside and outside MAX_RADIUS_KM (a degree of latitude is ~110.85 km there).
			const at = async (km: number) => {
				const [r] = await tx.rows<{ d: number | null }>(sql`
					select site_near_one(ST_SetSRID(ST_MakePoint(100, 30 + ${km / 110.85}::float8), 4326), 'airport') as d`);
				return r.d === null ? null : Number(r.d);
			};
			expect(await at(MAX_RADIUS_KM - 0.5)).toBeGreaterThan(MAX_RADIUS_KM * 1000 - 1000);
			expect(await at(MAX_RADIUS_KM + 0.5)).toBeNull();
		});
	});

	it('equal a recount over every facility on the sample zone', async () => {
		expect(await drift(db)).toBe(0);
		const [r] = await db.rows<{ n: number }>(sql`select count(*)::int as n from plots where near_m[4] is not null`);
		expect(Number(r.n)).toBeGreaterThan(100);
	});

	it('follow facilities and sites inside the transaction that changes them', async () => {
		await rolledBack(db, async (tx: TxHandle) => {
			// A plot far from every airport: an airport put on it makes it the one found within 1 km.
			const [p] = await tx.rows<{ id: number; code: string; lon: number; lat: number }>(sql`
				select p.id, p.code, ST_X(ST_PointOnSurface(p.boundary)) as lon, ST_Y(ST_PointOnSurface(p.boundary)) as lat
				from plots p join parks k on k.id = p.park_id
				where p.published and k.published and p.supply_status = 'available' and p.near_m[2] > 5000
					and p.confirmed_at > now() - interval '60 days'
				order by p.id limit 1`);
			expect(p).toBeDefined();
			const near = 'near=airport&withinKm=1&status=available';
			expect(await find(tx, near)).not.toContain(p.code);
			const at = (lon: number, lat: number) => sql`ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326)`;
			await tx.rows(sql`insert into facilities (code, kind, name_zh, name_en, location, published)
				values ('T-AIR', 'airport', '测试机场', 'Test airport', ${at(Number(p.lon), Number(p.lat))}, true)`);
			expect(await drift(tx)).toBe(0);
			expect(await find(tx, near)).toContain(p.code);

			// Moved 20 km north, it is no longer near; as a port, it no longer counts as an airport.
			await tx.rows(sql`update facilities set location = ${at(Number(p.lon), Number(p.lat) + 0.18)} where code = 'T-AIR'`);
			expect(await drift(tx)).toBe(0);
			expect(await find(tx, near)).not.toContain(p.code);
			await tx.rows(sql`update facilities set location = ${at(Number(p.lon), Number(p.lat))}, kind = 'port' where code = 'T-AIR'`);
			expect(await drift(tx)).toBe(0);
			expect(await find(tx, near)).not.toContain(p.code);
			expect(await find(tx, 'near=port&withinKm=1&status=available')).toContain(p.code);

			// Unpublished (as retiring does), then deleted: the sites fall back on the next nearest.
			await tx.rows(sql`update facilities set published = false where code = 'T-AIR'`);
			expect(await drift(tx)).toBe(0);
			await tx.rows(sql`update facilities set published = true where code = 'T-AIR'`);
			await tx.rows(sql`delete from facilities where code = 'T-AIR'`);
			expect(await drift(tx)).toBe(0);

			// Sites that move or appear compute their own.
			await tx.rows(sql`update plots set boundary = ST_Multi(ST_Translate(boundary, 0.05, 0.02)) where id = ${p.id}`);
			await tx.rows(sql`insert into buildings (code, park_id, name_zh, name_en, footprint, kind, floors, gross_area_m2, leasable_area_m2, owner_name, published)
				select 'T-BLD', park_id, '测试楼', 'Test building', ST_Multi(ST_Buffer(ST_PointOnSurface(boundary), 0.0003)), 'office', 3, 3000, 2500, '测试业主', true
				from plots where id = ${p.id}`);
			expect(await drift(tx)).toBe(0);
		});
		expect(await drift(db)).toBe(0);
	});
});
