import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import type { Database } from '../../src/lib/server/db/client';
import { describeDatabase } from '../../src/lib/server/db/client';
import { MODE, openTestDatabase, rolledBack } from './db';

let db: Database;
beforeAll(async () => {
	db = await openTestDatabase();
});
afterAll(() => db?.close());

/** The Postgres error code a statement fails with, run in a rolled-back transaction. */
async function failureCode(statement: ReturnType<typeof sql>): Promise<string> {
	try {
		await rolledBack(db, (tx) => tx.rows(statement));
	} catch (e) {
		const err = e as { cause?: { code?: string }; code?: string };
		return err.cause?.code ?? err.code ?? 'unknown';
	}
	return 'none';
}

describe(`schema (${MODE})`, () => {
	it('applied every migration, PostGIS first', async () => {
		const info = await describeDatabase(db);
		expect(info.mode).toBe(MODE);
		const journal = JSON.parse(readFileSync('db/migrations/meta/_journal.json', 'utf8'));
		expect(info.migrations).toBe(journal.entries.length);
		expect(journal.entries[0].tag).toBe('0000_enable_postgis');
		expect(info.postgis).toMatch(/^3\./);
	});

	it('has every table of the domain model', async () => {
		const rows = await db.rows<{ table_name: string }>(
			sql`select table_name from information_schema.tables
				where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'spatial_ref_sys' order by 1`
		);
		expect(rows.map((r) => r.table_name)).toEqual(
			[
				'audit_entries',
				'buildings',
				'building_months',
				'chain_links',
				'chains',
				'disposal_targets',
				'enquiries',
				'enquiry_notes',
				'enterprises',
				'facilities',
				'heat_cells',
				'heat_sources',
				'imports',
				'industries',
				'invitations',
				'job_runs',
				'land_cases',
				'layer_versions',
				'notification_outbox',
				'park_chains',
				'photos',
				'plot_cells',
				'park_industries',
				'parks',
				'plot_industries',
				'plots',
				'projects',
				'project_problems',
				'project_updates',
				'proposal_views',
				'proposals',
				'requirements',
				'roads',
				'search_demand',
				'sessions',
				'sign_in_failures',
				'site_settings',
				'site_views',
				'target_firms',
				'tour_stops',
				'tours',
				'units',
				'user_parks',
				'users'
			].sort()
		);
	});

	it('has a GiST index on every geometry column', async () => {
		const cols = await db.rows<{ t: string; c: string }>(
			sql`select f_table_name as t, f_geometry_column as c from geometry_columns where f_table_schema = 'public'`
		);
		expect(cols.length).toBe(8);
		const idx = await db.rows<{ indexdef: string }>(sql`select indexdef from pg_indexes where schemaname = 'public'`);
		for (const { t, c } of cols) {
			expect(
				idx.some((i) => i.indexdef.includes(`ON public.${t} USING gist (${c})`)),
				`${t}.${c}`
			).toBe(true);
		}
	});

	it('refuses a duplicate plot code', async () => {
		expect(
			await failureCode(sql`insert into plots (code, park_id, boundary, area_m2, land_use, readiness, supply_status)
			select code, park_id, boundary, area_m2, land_use, readiness, supply_status from plots limit 1`)
		).toBe('23505');
	});

	it('refuses an unknown supply status, a negative area and an inverted plot-ratio range', async () => {
		expect(await failureCode(sql`update plots set supply_status = 'sold' where id = (select min(id) from plots)`)).toBe('23514');
		expect(await failureCode(sql`update plots set area_m2 = -1 where id = (select min(id) from plots)`)).toBe('23514');
		expect(await failureCode(sql`update plots set plot_ratio_min = 3, plot_ratio_max = 1 where id = (select min(id) from plots)`)).toBe('23514');
	});

	it('refuses a plot in a park that does not exist, and a polygon stored as a point', async () => {
		expect(await failureCode(sql`update plots set park_id = 999999 where id = (select min(id) from plots)`)).toBe('23503');
		expect(await failureCode(sql`update plots set boundary = ST_SetSRID(ST_MakePoint(118.5, 37.4), 4326) where id = (select min(id) from plots)`)).not.toBe(
			'none'
		);
	});

	it('refuses a leased area above the leasable area and a unit with an unknown status', async () => {
		expect(await failureCode(sql`update buildings set leased_area_m2 = leasable_area_m2 + 1 where id = (select min(id) from buildings)`)).toBe('23514');
		expect(await failureCode(sql`update units set status = 'sold' where id = (select min(id) from units)`)).toBe('23514');
	});

	it('keeps one data-version row per map layer', async () => {
		const rows = await db.rows<{ layer: string }>(sql`select layer from layer_versions order by layer`);
		expect(rows.map((r) => r.layer)).toEqual(['buildings', 'facilities', 'parks', 'plots', 'roads']);
	});
});
