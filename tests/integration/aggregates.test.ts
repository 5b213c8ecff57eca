/**
 * The kept aggregates (migration 0014): plots counted per tile cell (the low-zoom plot layer) and
 * the heat cells. Writes keep them in their own transaction, so a recount from the rows always
 * equals them — after any edit, before the transaction commits, with no job to run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../../src/lib/server/db/client';
import { buildTile, defaultEncoder } from '../../src/lib/server/tiles/service';
import { heatCells, KEPT_ZOOMS } from '../../src/lib/server/heat';
import { refreshDemandHeat } from '../../src/lib/server/heat/worker';
import { MODE, openTestDatabase, rolledBack } from './db';
import { decode, tileOf } from './tiles';

let db: Database;
beforeAll(async () => {
	db = await openTestDatabase();
});
afterAll(() => db?.close());

type Rows = Pick<Database, 'rows'>;

/** Cells of plot_cells that differ from a recount of the published plots (all levels). */
async function plotCellDrift(tx: Rows): Promise<number> {
	const [r] = await tx.rows<{ n: number }>(sql`
		with fresh as (
			select l as level, c.x, c.y, count(*)::int as plots,
				count(*) filter (where p.supply_status = 'available')::int as available,
				count(*) filter (where p.supply_status = 'signed')::int as signed,
				count(*) filter (where p.is_idle)::int as idle,
				coalesce(sum(p.area_m2) filter (where p.supply_status = 'available'), 0) as available_m2
			from (select *, site_anchor(boundary) as pt from plots where published) p
				cross join generate_series(9, 16) l
				cross join lateral mercator_cell(ST_X(p.pt), ST_Y(p.pt), l) c
			group by 1, 2, 3
		)
		select count(*)::int as n from fresh f full join plot_cells k using (level, x, y)
		where f.plots is distinct from k.plots or f.available is distinct from k.available or f.signed is distinct from k.signed
			or f.idle is distinct from k.idle or abs(coalesce(f.available_m2, 0) - coalesce(k.available_m2, 0)) > 0.01`);
	return Number(r.n);
}

/** Heat sources that differ from what the rows say, plus heat cells that differ from their sources. */
async function heatDrift(tx: Rows): Promise<number> {
	const [r] = await tx.rows<{ n: number }>(sql`
		with truth as (
			select 'available_land' as metric, 'p' || p.id as source, site_anchor(p.boundary) as pt, p.area_m2 / (10000.0 / 15) as value
			from plots p join parks k on k.id = p.park_id
			where p.published and k.published and p.supply_status = 'available'
			union all
			select 'vacant_floor', 'b' || b.id, site_anchor(b.footprint), o.vacant_m2
			from buildings b left join parks k on k.id = b.park_id
				cross join lateral building_occupancy(b.id, b.leasable_area_m2, b.leased_area_m2) o
			where b.published and coalesce(k.published, false) and o.vacant_m2 > 0
		), sources as (
			select count(*)::int as n from truth t
			full join (select * from heat_sources where metric in ('available_land', 'vacant_floor')) s using (metric, source)
			where t.value is null or s.value is null or abs(t.value - s.value) > 1e-6
				or abs(ST_X(t.pt) - s.x) > 1e-6 or abs(ST_Y(t.pt) - s.y) > 1e-6
		), fresh as (
			select s.metric, z as zoom, h.i, h.j, sum(s.value) as value, count(*)::int as sites
			from heat_sources s cross join heat_kept_zooms() z cross join lateral hex_cell(s.x, s.y, heat_hex_size(z)) h
			group by 1, 2, 3, 4
		), cells as (
			select count(*)::int as n from fresh f full join heat_cells c using (metric, zoom, i, j)
			where f.sites is distinct from c.sites or abs(coalesce(f.value, 0) - coalesce(c.value, 0)) > 1e-6
		)
		select (select n from sources) + (select n from cells) as n`);
	return Number(r.n);
}

/** The plots counted by a z9 tile's cells. */
async function countedAt(tx: Rows, lon: number, lat: number): Promise<number> {
	const layer = decode(await buildTile(tx, { layer: 'plots', ...tileOf(lon, lat, 9) }, defaultEncoder(db)), 'plot_cells');
	let n = 0;
	for (let i = 0; i < (layer?.length ?? 0); i++) n += Number(layer!.feature(i).properties.plots);
	return n;
}

const sumOf = (cells: { value: number }[]) => cells.reduce((s, c) => s + c.value, 0);

describe(`kept aggregates (${MODE})`, () => {
	it('keep the heat map at the zooms the server reads them at', async () => {
		const rows = await db.rows<{ z: number }>(sql`select z from heat_kept_zooms() z order by z`);
		const zooms = Array.from({ length: KEPT_ZOOMS.max - KEPT_ZOOMS.min + 1 }, (_, i) => KEPT_ZOOMS.min + i);
		expect(rows.map((r) => Number(r.z))).toEqual(zooms);
	});

	it('equal a recount of the sample zone', async () => {
		expect(await plotCellDrift(db)).toBe(0);
		expect(await heatDrift(db)).toBe(0);
		const [{ n }] = await db.rows<{ n: number }>(sql`select count(*)::int as n from plot_cells`);
		expect(Number(n)).toBeGreaterThan(100);
	});

	it('follow plot edits inside the transaction that makes them', async () => {
		await rolledBack(db, async (tx: TxHandle) => {
			const [p] = await tx.rows<{ id: number; lon: number; lat: number; mu: number }>(sql`
				select p.id, ST_X(ST_PointOnSurface(p.boundary)) as lon, ST_Y(ST_PointOnSurface(p.boundary)) as lat, p.area_m2 / (10000.0 / 15) as mu
				from plots p join parks k on k.id = p.park_id
				where p.published and k.published and p.supply_status = 'available' order by p.id limit 1`);
			const lon = Number(p.lon);
			const lat = Number(p.lat);
			const box: [number, number, number, number] = [lon - 0.3, lat - 0.3, lon + 0.3, lat + 0.3];
			const before = { counted: await countedAt(tx, lon, lat), land: sumOf((await heatCells(tx, { metric: 'available_land', zoom: 9, bbox: box })).cells) };

			await tx.rows(sql`update plots set supply_status = 'signed' where id = ${p.id}`);
			expect(await plotCellDrift(tx)).toBe(0);
			expect(await heatDrift(tx)).toBe(0);
			const land = sumOf((await heatCells(tx, { metric: 'available_land', zoom: 9, bbox: box })).cells);
			expect(land).toBeCloseTo(before.land - Number(p.mu), 4);

			await tx.rows(sql`update plots set published = false where id = ${p.id}`);
			expect(await countedAt(tx, lon, lat)).toBe(before.counted - 1);
			await tx.rows(
				sql`update plots set published = true, supply_status = 'available', boundary = ST_Multi(ST_Translate(boundary, 0.002, 0.001)) where id = ${p.id}`
			);
			expect(await countedAt(tx, lon, lat)).toBe(before.counted);
			expect(sumOf((await heatCells(tx, { metric: 'available_land', zoom: 9, bbox: box })).cells)).toBeCloseTo(before.land, 4);

			const [copy] = await tx.rows<{ id: number }>(sql`
				insert into plots (code, park_id, boundary, area_m2, land_use, readiness, supply_status, published, is_idle)
				select code || '-copy', park_id, boundary, area_m2, land_use, readiness, 'available', true, true from plots where id = ${p.id}
				returning id`);
			expect(await countedAt(tx, lon, lat)).toBe(before.counted + 1);
			expect(await plotCellDrift(tx)).toBe(0);
			await tx.rows(sql`delete from plots where id = ${copy.id}`);
			expect(await countedAt(tx, lon, lat)).toBe(before.counted);

			// A park taken off the map takes its plots' land off the heat map.
			await tx.rows(sql`update parks set published = false where id = (select park_id from plots where id = ${p.id})`);
			expect(await heatDrift(tx)).toBe(0);
			expect(await plotCellDrift(tx)).toBe(0);
		});
		expect(await plotCellDrift(db)).toBe(0);
		expect(await heatDrift(db)).toBe(0);
	});

	it('count the demand cells afresh once a day, whichever instance asks first', async () => {
		const demand = async () => {
			const [r] = await db.rows<{ n: number; v: number }>(
				sql`select count(*)::int as n, coalesce(sum(value), 0)::float8 as v from heat_cells where metric = 'demand'`
			);
			return { n: Number(r.n), v: Number(r.v) };
		};
		const kept = await demand();
		expect(kept.n).toBeGreaterThan(0);
		await db.rows(sql`delete from job_runs`);
		expect(await refreshDemandHeat(db)).toBe(true);
		expect(await refreshDemandHeat(db)).toBe(false);
		// Two instances at the turn of the day: one counts, the other finds it done.
		await db.rows(sql`update job_runs set ran_on = current_date - 1`);
		expect((await Promise.all([refreshDemandHeat(db), refreshDemandHeat(db)])).sort()).toEqual([false, true]);
		// Counted afresh, the cells are those the writes kept.
		const fresh = await demand();
		expect(fresh.n).toBe(kept.n);
		expect(fresh.v).toBeCloseTo(kept.v, 6);
		await db.rows(sql`delete from job_runs`);
	});

	it("follow a unit's lease into the building's occupancy and the vacant-floor heat", async () => {
		await rolledBack(db, async (tx: TxHandle) => {
			const [u] = await tx.rows<{ id: number; building_id: number; area: number }>(sql`
				select u.id, u.building_id, u.area_m2 as area from units u join buildings b on b.id = u.building_id
				where u.status = 'vacant' and b.published order by u.id limit 1`);
			const [b0] = await tx.rows<{ vacant: number }>(sql`select vacant_m2 as vacant from buildings where id = ${u.building_id}`);
			await tx.rows(sql`update units set status = 'leased' where id = ${u.id}`);
			const [b1] = await tx.rows<{ vacant: number; rate: number; derived: number }>(sql`
				select b.vacant_m2 as vacant, b.occupancy_rate as rate, o.rate as derived
				from buildings b cross join lateral building_occupancy(b.id, b.leasable_area_m2, b.leased_area_m2) o where b.id = ${u.building_id}`);
			expect(Number(b1.vacant)).toBeCloseTo(Number(b0.vacant) - Number(u.area), 3);
			expect(Number(b1.rate)).toBeCloseTo(Number(b1.derived), 9);
			expect(await heatDrift(tx)).toBe(0);
		});
	});
});
