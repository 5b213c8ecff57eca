/**
 * The ledgers' benchmark: server time of the disposal board and the building list.
 *   npm run bench:ledgers                              embedded (PGlite)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:ledgers   a PostgreSQL + PostGIS server too
 *
 * Each database gets the sample zone, then the same zone scaled to 100,000 plots and 5,000
 * buildings: the sample's plots, buildings (with their units and months) and land cases copied
 * onto a grid of shifted zones, so shapes, statuses and case stages stay in proportion. Figures
 * are medians (and p95) of 20 warm calls, as staff (every park) and as a park editor.
 * Targets (issue 12): ≤ 300 ms on the sample zone in both modes, ≤ 1 s at 100k / 5k.
 */
import { sql } from 'drizzle-orm';
import { time } from './bench-util';
import { openDatabase, openScratchDatabase, type Database } from '../src/lib/server/db/client';
import { loadSampleZone } from '../src/lib/server/sample/load';
import { generateSampleZone } from '../src/lib/server/sample/generate';
import { userByEmail, type SessionUser } from '../src/lib/server/auth';
import { boardOf } from '../src/lib/server/land/board';
import { economyOf } from '../src/lib/server/economy';
import { boardFilterSchema, economyFilterSchema } from '../src/lib/domain/ledger-schemas';

async function measure(db: Database, label: string) {
	const staff = (await userByEmail(db, 'staff@demo.siteatlas')) as SessionUser;
	const editor = (await userByEmail(db, 'editor-nm@demo.siteatlas')) as SessionUser;
	const [n] = await db.rows<{ plots: number; buildings: number; cases: number; units: number }>(sql`
		select (select count(*) from plots)::int as plots, (select count(*) from buildings)::int as buildings,
			(select count(*) from land_cases)::int as cases, (select count(*) from units)::int as units`);
	const board = boardFilterSchema.parse({});
	const list = economyFilterSchema.parse({ sort: 'vacant' });
	const rows: [string, { p50: number; p95: number }][] = [
		['disposal board, staff', await time(() => boardOf(db, staff, board))],
		['disposal board, staff, open cases page 3', await time(() => boardOf(db, staff, { ...board, stage: 'open', page: 3 }))],
		['disposal board, park editor', await time(() => boardOf(db, editor, board))],
		['building list, staff, by vacancy', await time(() => economyOf(db, staff, list))],
		['building list, park editor', await time(() => economyOf(db, editor, list))]
	];
	console.log(`\n${label}: ${n.plots} plots, ${n.buildings} buildings, ${n.units} units, ${n.cases} land cases`);
	for (const [what, t] of rows) console.log(`  ${what.padEnd(44)} p50 ${t.p50.toFixed(1).padStart(7)} ms   p95 ${t.p95.toFixed(1).padStart(7)} ms`);
}

/** Copies the sample zone onto a grid until it holds `plots` plots and `buildings` buildings. */
async function scale(db: Database, plots: number, buildings: number) {
	const [{ n: p0 }] = await db.rows<{ n: number }>(sql`select count(*)::int as n from plots`);
	const [{ n: b0 }] = await db.rows<{ n: number }>(sql`select count(*)::int as n from buildings`);
	const plotCopies = Math.ceil(plots / p0) - 1;
	const buildingCopies = Math.ceil(buildings / b0) - 1;
	// Copy k sits 0.5° east × row … of the original; far enough that nothing overlaps.
	const shift = (k: string) => sql`ST_Translate(g, 0.5 * ((${sql.raw(k)} - 1) % 20 + 1), 0.4 * ((${sql.raw(k)} - 1) / 20))`;
	await db.transaction(async (tx) => {
		await tx.rows(sql`
			insert into plots (code, park_id, boundary, area_m2, land_use, plot_ratio_min, plot_ratio_max, readiness, supply_status,
				is_idle, is_low_efficiency, disposal_method, disposal_deadline, agreed_start_date, started_on, stopped_since, built_ratio,
				invested_ratio, tax_per_mu_wan, output_per_mu_wan, land_price_wan, price_wan_per_mu, published)
			select p.code || '-x' || k, p.park_id, ${shift('k')}, p.area_m2, p.land_use, p.plot_ratio_min, p.plot_ratio_max, p.readiness,
				p.supply_status, p.is_idle, p.is_low_efficiency, p.disposal_method, p.disposal_deadline, p.agreed_start_date, p.started_on,
				p.stopped_since, p.built_ratio, p.invested_ratio, p.tax_per_mu_wan, p.output_per_mu_wan, p.land_price_wan, p.price_wan_per_mu, p.published
			from generate_series(1, ${plotCopies}) k, lateral (select *, boundary as g from plots where code not like '%-x%') p`);
		await tx.rows(sql`
			insert into land_cases (plot_id, kind, stage, grounds, area_m2, detected_on, decided_on, decision, method, officer, deadline, steps, completed_on, outcome)
			select x.id, c.kind, c.stage, c.grounds, c.area_m2, c.detected_on, c.decided_on, c.decision, c.method, c.officer, c.deadline, c.steps, c.completed_on, c.outcome
			from land_cases c join plots p on p.id = c.plot_id cross join generate_series(1, ${plotCopies}) k join plots x on x.code = p.code || '-x' || k`);
		await tx.rows(sql`
			insert into buildings (code, park_id, name_zh, name_en, footprint, kind, floors, gross_area_m2, leasable_area_m2, rent_yuan_per_m2_day,
				owner_name, operator_name, business_formats, tax_tier, annual_tax_wan, manager_name, published)
			select b.code || '-x' || k, b.park_id, b.name_zh || k, b.name_en || ' ' || k, ${shift('k')}, b.kind, b.floors, b.gross_area_m2,
				b.leasable_area_m2, b.rent_yuan_per_m2_day, b.owner_name, b.operator_name, b.business_formats, b.tax_tier, b.annual_tax_wan,
				b.manager_name, b.published
			from generate_series(1, ${buildingCopies}) k, lateral (select *, footprint as g from buildings where code not like '%-x%') b`);
		await tx.rows(sql`
			insert into units (building_id, floor, unit_no, area_m2, status, tenant_industry_id)
			select x.id, u.floor, u.unit_no, u.area_m2, u.status, u.tenant_industry_id
			from units u join buildings b on b.id = u.building_id cross join generate_series(1, ${buildingCopies}) k join buildings x on x.code = b.code || '-x' || k`);
		await tx.rows(sql`
			insert into building_months (building_id, month, leasable_m2, leased_m2, reserved_m2, vacant_m2, tenants, tax_wan)
			select x.id, m.month, m.leasable_m2, m.leased_m2, m.reserved_m2, m.vacant_m2, m.tenants, m.tax_wan
			from building_months m join buildings b on b.id = m.building_id cross join generate_series(1, ${buildingCopies}) k join buildings x on x.code = b.code || '-x' || k`);
	});
	await db.rows(sql`analyze`);
}

async function run(label: string, open: () => Promise<Database>) {
	const db = await open();
	try {
		const started = performance.now();
		await loadSampleZone(db, generateSampleZone({ asOf: new Date().toISOString().slice(0, 10) }));
		console.log(`\n[${label}] sample zone loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
		await measure(db, `${label}, sample zone`);
		const t = performance.now();
		await scale(db, 100_000, 5_000);
		console.log(`\n[${label}] scaled in ${((performance.now() - t) / 1000).toFixed(1)} s`);
		await measure(db, `${label}, scaled`);
	} finally {
		await db.close();
	}
}

await run('embedded', () => openDatabase({ dataDir: 'memory://' }));
if (process.env.BENCH_DATABASE_URL) await run('server', () => openScratchDatabase(process.env.BENCH_DATABASE_URL!, `siteatlas_bench_ledgers_${process.pid}`));
