import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/client';
import { MODE, openTestDatabase } from './db';
import { SUPPLY_STATUSES, PROJECT_STAGES, FACILITY_KINDS } from '../../src/lib/domain/vocab';
import { heatForParams } from '../../src/lib/server/heat';
import { heatBands } from '../../src/lib/map/heat-scale';

let db: Database;
beforeAll(async () => {
	db = await openTestDatabase();
});
afterAll(() => db?.close());

const one = async <T>(q: ReturnType<typeof sql>) => (await db.rows<T>(q))[0];

describe(`sample zone in PostGIS (${MODE})`, () => {
	it('gives every heat metric enough signal to be worth a map: many cells and at least four legend bands', async () => {
		const zone = 'bbox=118.45,37.35,118.75,37.55';
		const flagship = 'industry=new_materials&chain=rare_earth_catalysis&areaMin=30&near=highway_exit&withinKm=10';
		for (const [metric, z, extra] of [
			['available_land', 11, ''],
			['vacant_floor', 11, ''],
			['demand', 11, ''],
			['match', 12, flagship]
		] as const) {
			const r = await heatForParams(db, new URLSearchParams(`metric=${metric}&z=${z}&${zone}&${extra}`));
			const bands = heatBands(r.breaks, Math.min(...r.cells.map((c) => c.value)), r.max, r.unit);
			expect(r.cells.length, metric).toBeGreaterThanOrEqual(10);
			expect(bands.length, metric).toBeGreaterThanOrEqual(4);
		}
	});

	it('has five industrial parks and one park within a park, inside its parent', async () => {
		const r = await one<{ top: number; inner: number; inside: boolean }>(sql`
			select count(*) filter (where c.kind = 'industrial_park')::int as top,
				count(*) filter (where c.kind = 'park_in_park')::int as inner,
				bool_and(ST_Within(c.boundary, p.boundary)) filter (where c.parent_id is not null) as inside
			from parks c left join parks p on p.id = c.parent_id`);
		expect(r).toEqual({ top: 5, inner: 1, inside: true });
	});

	it('stores at least 400 valid plots, each inside its park, areas computed on the geography', async () => {
		const r = await one<{ n: number; invalid: number; outside: number; area_off: number }>(sql`
			select count(*)::int as n,
				count(*) filter (where not ST_IsValid(p.boundary))::int as invalid,
				count(*) filter (where not ST_Within(p.boundary, pk.boundary))::int as outside,
				max(abs(p.area_m2 - ST_Area(p.boundary::geography)))::float8 as area_off
			from plots p join parks pk on pk.id = p.park_id`);
		expect(r.n).toBeGreaterThanOrEqual(400);
		expect(r.invalid).toBe(0);
		expect(r.outside).toBe(0);
		expect(r.area_off).toBeLessThan(0.01);
	});

	it('has plots in every supply status, and idle and low-efficiency plots', async () => {
		const rows = await db.rows<{ s: string }>(sql`select distinct supply_status as s from plots`);
		expect(rows.map((r) => r.s).sort()).toEqual([...SUPPLY_STATUSES].sort());
		const r = await one<{ idle: number; low: number }>(sql`
			select count(*) filter (where is_idle)::int as idle, count(*) filter (where is_low_efficiency)::int as low from plots`);
		expect(r.idle).toBeGreaterThan(5);
		expect(r.low).toBeGreaterThan(5);
	});

	it('has 42 offices totalling about 1.4 million m² at about 65% occupancy by their units', async () => {
		const r = await one<{ n: number; gross: number; occ: number; total: number }>(sql`
			select count(distinct b.id)::int as n,
				(select sum(gross_area_m2) from buildings where kind <> 'standard_factory')::float8 as gross,
				(sum(u.area_m2) filter (where u.status = 'leased') / sum(u.area_m2))::float8 as occ,
				(select count(*) from buildings)::int as total
			from buildings b join units u on u.building_id = b.id where b.kind <> 'standard_factory'`);
		expect(r.n).toBe(42);
		expect(r.gross).toBeGreaterThan(1_390_000);
		expect(r.gross).toBeLessThan(1_410_000);
		expect(r.occ).toBeGreaterThan(0.6);
		expect(r.occ).toBeLessThan(0.7);
		expect(r.total).toBeGreaterThanOrEqual(50);
	});

	it('has disposal targets adding up to 9,570 亩', async () => {
		expect((await one<{ s: number }>(sql`select sum(target_mu)::float8 as s from disposal_targets`)).s).toBe(9570);
	});

	it('has every facility kind needed for proximity search', async () => {
		const rows = await db.rows<{ k: string }>(sql`select distinct kind as k from facilities`);
		for (const k of ['port', 'airport', 'rail_station', 'highway_exit', 'university', 'research_institute'] as const) {
			expect(FACILITY_KINDS).toContain(k);
			expect(rows.map((r) => r.k)).toContain(k);
		}
	});

	it('has a road network that reaches every facility and every park', async () => {
		const r = await one<{ far_facilities: number; parks_without_roads: number }>(sql`
			select
				(select count(*) from facilities f where not exists (
					select 1 from roads r where ST_DWithin(r.geom::geography, f.location::geography, 30)))::int as far_facilities,
				(select count(*) from parks p where p.kind = 'industrial_park' and not exists (
					select 1 from roads r where r.road_class in ('arterial', 'expressway') and ST_DWithin(r.geom::geography, p.boundary::geography, 200)))::int as parks_without_roads`);
		expect(r).toEqual({ far_facilities: 0, parks_without_roads: 0 });
	});

	it('ties every enterprise to a chain link, and producing plots to enterprises', async () => {
		const r = await one<{ unlinked: number; producing_without: number }>(sql`
			select (select count(*) from enterprises where chain_link_id is null)::int as unlinked,
				(select count(*) from plots p where p.supply_status = 'in_production'
					and not exists (select 1 from enterprises e where e.plot_id = p.id))::int as producing_without`);
		expect(r).toEqual({ unlinked: 0, producing_without: 0 });
	});

	it('has projects in every life-cycle stage', async () => {
		const rows = await db.rows<{ s: string }>(sql`select distinct stage as s from projects`);
		expect(rows.map((r) => r.s).sort()).toEqual([...PROJECT_STAGES].sort());
	});
});
