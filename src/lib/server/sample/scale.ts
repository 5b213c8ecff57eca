/**
 * A zone at scale, for benchmarks: the sample zone's own shapes and attributes copied, in
 * set-based SQL, until the database holds the asked number of plots — with parks around them
 * and buildings, units, enterprises, enquiries and page views in the sample's proportions.
 *
 * - wide: whole copies of the sample zone on a grid of 0.45° × 0.35° cells around it (the same
 *   density over a province-sized area);
 * - dense: plots of about 30 × 26 m, one per cell of a 36 m × 30 m grid, in one zone of
 *   1,000 columns (36 km across) and as many rows as needed — a million plots in 36 × 30 km —
 *   shaped like the sample's plots, in 30 parks.
 *
 * The sample zone must be loaded first (it is the template). Codes of the copies end in
 * `-K<copy>` (wide) or are `DZ-<row>-<col>` (dense), so they stay valid in URLs.
 */
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../db/client';
import { LAYERS } from '../../domain/vocab';
import { bumpLayerVersions } from '../tiles/versions';

export interface ScaleOptions {
	/** Plots the database should hold in all, the sample's included. */
	plots: number;
	dense?: boolean;
	/** Progress lines, for the command line. */
	log?: (line: string) => void;
}

export interface ScaleCounts {
	parks: number;
	plots: number;
	buildings: number;
	units: number;
	enterprises: number;
	enquiries: number;
}

/** The grid cell of a wide copy: spacing in degrees, and how many cells each way from the sample zone. */
const WIDE = { dLon: 0.45, dLat: 0.35, reach: 40 };
/** The dense zone: its south-west corner, the cell in metres, columns per row, and the share of the cell a plot fills. */
const DENSE = { lon0: 120.0, lat0: 31.0, cellX: 36, cellY: 30, cols: 1000, fill: 0.86, parkCols: 6, parkRows: 5 };

export async function scaleCounts(db: Pick<Database, 'rows'>): Promise<ScaleCounts> {
	const [r] = await db.rows<Record<keyof ScaleCounts, number>>(sql`
		select (select count(*) from parks)::int as parks, (select count(*) from plots)::int as plots,
			(select count(*) from buildings)::int as buildings, (select count(*) from units)::int as units,
			(select count(*) from enterprises)::int as enterprises, (select count(*) from enquiries)::int as enquiries`);
	return r;
}

/**
 * Grows the database to `plots` plots. Refuses when it holds anything but the sample zone
 * (run it on a fresh database), so that a benchmark's figures always describe a known zone.
 */
export async function generateScale(db: Database, options: ScaleOptions): Promise<ScaleCounts> {
	const log = options.log ?? (() => {});
	const before = await scaleCounts(db);
	const [{ copies }] = await db.rows<{ copies: number }>(sql`select count(*)::int as copies from plots where code like '%-K%' or code like 'DZ-%'`);
	if (copies > 0) throw new Error('This database has been scaled already; generate into a fresh one.');
	if (before.plots === 0) throw new Error('Load the sample zone first: it is the template the scale zone is copied from.');
	if (options.plots <= before.plots) return before;
	await db.transaction(async (tx) => {
		// Bulk copies: no row-by-row triggers (the aggregates they keep are rebuilt once at the end).
		await tx.rows(sql`set local synchronous_commit = off`);
		await tx.rows(sql`set local session_replication_role = replica`);
		if (options.dense) await dense(tx, options.plots - before.plots, log);
		else await wide(tx, Math.ceil(options.plots / before.plots) - 1, log);
		await tx.rows(sql`set local session_replication_role = origin`);
		await timed(log, 'aggregates (industry codes, distances to facilities, plot cells, heat)', async () => {
			await tx.rows(sql`
				update plots p set industry_codes = x.codes
				from (select pi.plot_id, string_agg(i.code, ',' order by i.sort_order, i.code) as codes
					from plot_industries pi join industries i on i.id = pi.industry_id group by pi.plot_id) x
				where x.plot_id = p.id and p.industry_codes is null`);
			// Every site's distances to facilities: the copies' own, and the sample's (new facilities came near).
			await tx.rows(sql`update plots set near_m = site_near_m(boundary)`);
			await tx.rows(sql`update buildings set near_m = site_near_m(footprint)`);
			await tx.rows(sql`select plot_cells_rebuild()`);
			await tx.rows(sql`select heat_rebuild()`);
		});
		await bumpLayerVersions(tx, LAYERS);
	});
	// Vacuumed, so that the finder's index-only scans need not visit the rows (PGlite has no autovacuum).
	log('vacuum analyze');
	await db.rows(sql`vacuum analyze`);
	return scaleCounts(db);
}

async function timed(log: (l: string) => void, what: string, run: () => Promise<unknown>) {
	const t = performance.now();
	await run();
	log(`${what}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** `copies` whole copies of the sample zone around it, nearest cells first. */
async function wide(tx: TxHandle, copies: number, log: (l: string) => void) {
	const side = 2 * WIDE.reach + 1;
	if (copies > side * side - 1) throw new Error(`At most ${side * side - 1} copies of the sample zone fit the grid.`);
	await tx.rows(sql`drop table if exists pg_temp.scale_slots`);
	await tx.rows(sql`
		create temp table scale_slots on commit drop as
		select k::int, dx, dy from (
			select row_number() over (order by abs(c) + abs(r), r, c) as k, c * ${WIDE.dLon}::float8 as dx, r * ${WIDE.dLat}::float8 as dy
			from generate_series(${-WIDE.reach}::int, ${WIDE.reach}::int) c, generate_series(${-WIDE.reach}::int, ${WIDE.reach}::int) r
			where not (c = 0 and r = 0)
		) s where k <= ${copies}`);
	const suffix = sql`'-K' || s.k`;
	await timed(log, `parks ×${copies}`, async () => {
		for (const inner of [false, true]) {
			await tx.rows(sql`
				insert into parks (code, name_zh, name_en, kind, parent_id, boundary, area_m2, operator_zh, operator_en, contact_name,
					contact_phone, contact_email, profile_zh, profile_en, published, min_tax_per_mu_wan, min_output_per_mu_wan)
				select p.code || ${suffix}, p.name_zh || ' ' || s.k, p.name_en || ' ' || s.k, p.kind, pp.id, ST_Translate(p.boundary, s.dx, s.dy),
					p.area_m2, p.operator_zh, p.operator_en, p.contact_name, p.contact_phone, p.contact_email, p.profile_zh, p.profile_en,
					p.published, p.min_tax_per_mu_wan, p.min_output_per_mu_wan
				from scale_slots s cross join parks p
					left join parks parent on parent.id = p.parent_id
					left join parks pp on pp.code = parent.code || ${suffix}
				where p.code not like '%-K%' and (p.parent_id is not null) = ${inner}`);
		}
		await tx.rows(sql`
			insert into park_industries (park_id, industry_id, is_leading)
			select x.id, pi.industry_id, pi.is_leading from scale_slots s cross join park_industries pi
				join parks p on p.id = pi.park_id join parks x on x.code = p.code || ${suffix} where p.code not like '%-K%'`);
		await tx.rows(sql`
			insert into park_chains (park_id, chain_id)
			select x.id, pc.chain_id from scale_slots s cross join park_chains pc
				join parks p on p.id = pc.park_id join parks x on x.code = p.code || ${suffix} where p.code not like '%-K%'`);
	});
	await timed(log, 'facilities', async () => {
		// Each copy has the sample's ports, exits, universities and hotels, so `near=` searches see a province's worth.
		await tx.rows(sql`
			insert into facilities (code, kind, name_zh, name_en, location, published)
			select f.code || ${suffix}, f.kind, f.name_zh || ' ' || s.k, f.name_en || ' ' || s.k, ST_Translate(f.location, s.dx, s.dy), f.published
			from scale_slots s cross join facilities f where f.code not like '%-K%'`);
	});
	await timed(log, 'plots', async () => {
		await tx.rows(sql`
			insert into plots (code, park_id, boundary, area_m2, land_use, plot_ratio_min, plot_ratio_max, building_density_max,
				green_ratio_max, height_limit_m, lease_term_years, price_wan_per_mu, readiness, readiness_items, supply_status, is_idle,
				is_low_efficiency, disposal_method, disposal_deadline, agreed_start_date, built_ratio, invested_ratio, owner_name,
				available_from, tax_per_mu_wan, output_per_mu_wan, notes, published, confirmed_at, contract_date, started_on,
				stopped_since, land_price_wan)
			select p.code || ${suffix}, x.id, ST_Translate(p.boundary, s.dx, s.dy), p.area_m2, p.land_use, p.plot_ratio_min,
				p.plot_ratio_max, p.building_density_max, p.green_ratio_max, p.height_limit_m, p.lease_term_years, p.price_wan_per_mu,
				p.readiness, p.readiness_items, p.supply_status, p.is_idle, p.is_low_efficiency, p.disposal_method, p.disposal_deadline,
				p.agreed_start_date, p.built_ratio, p.invested_ratio, p.owner_name, p.available_from, p.tax_per_mu_wan,
				p.output_per_mu_wan, p.notes, p.published, p.confirmed_at, p.contract_date, p.started_on, p.stopped_since, p.land_price_wan
			from scale_slots s cross join plots p join parks k on k.id = p.park_id join parks x on x.code = k.code || ${suffix}
			where p.code not like '%-K%'`);
		await tx.rows(sql`
			insert into plot_industries (plot_id, industry_id)
			select x.id, pi.industry_id from scale_slots s cross join plot_industries pi
				join plots p on p.id = pi.plot_id join plots x on x.code = p.code || ${suffix} where p.code not like '%-K%'`);
	});
	await timed(log, 'buildings and units', async () => {
		await tx.rows(sql`
			insert into buildings (code, park_id, plot_id, name_zh, name_en, footprint, kind, floors, gross_area_m2, leasable_area_m2,
				leased_area_m2, rent_yuan_per_m2_day, owner_name, operator_name, business_formats, tax_tier, completed_year, published,
				confirmed_at, annual_tax_wan, manager_name)
			select b.code || ${suffix}, x.id, xp.id, b.name_zh || ' ' || s.k, b.name_en || ' ' || s.k, ST_Translate(b.footprint, s.dx, s.dy),
				b.kind, b.floors, b.gross_area_m2, b.leasable_area_m2, b.leased_area_m2, b.rent_yuan_per_m2_day, b.owner_name,
				b.operator_name, b.business_formats, b.tax_tier, b.completed_year, b.published, b.confirmed_at, b.annual_tax_wan, b.manager_name
			from scale_slots s cross join buildings b join parks k on k.id = b.park_id join parks x on x.code = k.code || ${suffix}
				left join plots p on p.id = b.plot_id left join plots xp on xp.code = p.code || ${suffix}
			where b.code not like '%-K%'`);
		await tx.rows(sql`
			insert into units (building_id, floor, unit_no, area_m2, status, tenant_industry_id)
			select x.id, u.floor, u.unit_no, u.area_m2, u.status, u.tenant_industry_id
			from scale_slots s cross join units u join buildings b on b.id = u.building_id join buildings x on x.code = b.code || ${suffix}
			where b.code not like '%-K%'`);
	});
	await timed(log, 'enterprises, enquiries and views', async () => {
		await tx.rows(sql`
			insert into enterprises (name_zh, name_en, industry_id, chain_link_id, plot_id, building_id, location, employees, output_band,
				tax_band, marks, published)
			select e.name_zh, e.name_en, e.industry_id, e.chain_link_id, xp.id, xb.id, ST_Translate(e.location, s.dx, s.dy), e.employees,
				e.output_band, e.tax_band, e.marks, e.published
			from scale_slots s cross join (select * from enterprises where id in (select min(id) from enterprises group by coalesce(plot_id, -id), coalesce(building_id, -id))) e
				left join plots p on p.id = e.plot_id left join plots xp on xp.code = p.code || ${suffix}
				left join buildings b on b.id = e.building_id left join buildings xb on xb.code = b.code || ${suffix}`);
		await tx.rows(sql`
			insert into enquiries (reference, site_kind, plot_id, building_id, park_id, company, contact_name, contact_email, contact_phone,
				industry_id, space_needed_m2, message, locale, status, created_at, status_at)
			select e.reference || ${suffix}, e.site_kind, xp.id, xb.id, xk.id, e.company, e.contact_name, e.contact_email, e.contact_phone,
				e.industry_id, e.space_needed_m2, e.message, e.locale, 'new', e.created_at, e.created_at
			from scale_slots s cross join enquiries e
				left join plots p on p.id = e.plot_id left join plots xp on xp.code = p.code || ${suffix}
				left join buildings b on b.id = e.building_id left join buildings xb on xb.code = b.code || ${suffix}
				left join parks k on k.id = e.park_id left join parks xk on xk.code = k.code || ${suffix}
			where e.reference not like '%-K%'`);
		await tx.rows(sql`
			insert into site_views (site_kind, site_code, day, views)
			select v.site_kind, v.site_code || ${suffix}, v.day, v.views from scale_slots s cross join site_views v where v.site_code not like '%-K%'`);
	});
}

/** `n` plots in the dense zone, one per grid cell, row by row. */
async function dense(tx: TxHandle, n: number, log: (l: string) => void) {
	const rows = Math.ceil(n / DENSE.cols);
	// Degrees per metre at the zone's latitude (the zone is small enough for one factor).
	const mLon = 1 / (111_320 * Math.cos((DENSE.lat0 * Math.PI) / 180));
	const mLat = 1 / 110_574;
	const cellLon = DENSE.cellX * mLon;
	const cellLat = DENSE.cellY * mLat;
	const parkLon = (DENSE.cols * cellLon) / DENSE.parkCols;
	const parkLat = (rows * cellLat) / DENSE.parkRows;
	await timed(log, `${DENSE.parkCols * DENSE.parkRows} parks`, async () => {
		await tx.rows(sql`
			insert into parks (code, name_zh, name_en, kind, boundary, area_m2, operator_zh, operator_en, contact_name, contact_phone,
				contact_email, profile_zh, profile_en, published)
			select 'DZ-P' || lpad((r * ${DENSE.parkCols} + c + 1)::text, 2, '0'), t.name_zh || ' ' || (r * ${DENSE.parkCols} + c + 1),
				t.name_en || ' ' || (r * ${DENSE.parkCols} + c + 1), 'industrial_park', g, ST_Area(g::geography),
				t.operator_zh, t.operator_en, t.contact_name, t.contact_phone, t.contact_email, t.profile_zh, t.profile_en, true
			from generate_series(0, ${DENSE.parkCols - 1}::int) c, generate_series(0, ${DENSE.parkRows - 1}::int) r,
				lateral (select ST_Multi(ST_MakeEnvelope(${DENSE.lon0}::float8 + c * ${parkLon}::float8, ${DENSE.lat0}::float8 + r * ${parkLat}::float8,
					${DENSE.lon0}::float8 + (c + 1) * ${parkLon}::float8, ${DENSE.lat0}::float8 + (r + 1) * ${parkLat}::float8, 4326)) as g) b,
				lateral (select * from parks where kind = 'industrial_park' and code not like 'DZ-%' order by id offset (r * ${DENSE.parkCols} + c) % 5 limit 1) t`);
		await tx.rows(sql`
			insert into park_industries (park_id, industry_id, is_leading)
			select x.id, pi.industry_id, pi.is_leading from parks x
				cross join lateral (select id from parks where kind = 'industrial_park' and code not like 'DZ-%' order by id
					offset (substr(x.code, 5)::int - 1) % 5 limit 1) t
				join park_industries pi on pi.park_id = t.id
			where x.code like 'DZ-P%'`);
		await tx.rows(sql`
			insert into park_chains (park_id, chain_id)
			select x.id, pc.chain_id from parks x
				cross join lateral (select id from parks where kind = 'industrial_park' and code not like 'DZ-%' order by id
					offset (substr(x.code, 5)::int - 1) % 5 limit 1) t
				join park_chains pc on pc.park_id = t.id
			where x.code like 'DZ-P%'`);
	});
	// The templates: every sample plot's first polygon scaled into the unit square.
	await tx.rows(sql`drop table if exists pg_temp.scale_shapes`);
	await tx.rows(sql`
		create temp table scale_shapes on commit drop as
		select row_number() over (order by p.id)::int - 1 as t, p.id as plot_id,
			ST_Scale(ST_Translate(g, -ST_XMin(g), -ST_YMin(g)), 1 / greatest(ST_XMax(g) - ST_XMin(g), 1e-9), 1 / greatest(ST_YMax(g) - ST_YMin(g), 1e-9)) as unit
		from plots p cross join lateral (select ST_GeometryN(p.boundary, 1) as g) x
		where p.code not like 'DZ-%'`);
	const [{ shapes }] = await tx.rows<{ shapes: number }>(sql`select count(*)::int as shapes from scale_shapes`);
	await timed(log, `plots ×${n}`, async () => {
		await tx.rows(sql`
			insert into plots (code, park_id, boundary, area_m2, land_use, plot_ratio_min, plot_ratio_max, building_density_max,
				green_ratio_max, height_limit_m, lease_term_years, price_wan_per_mu, readiness, readiness_items, supply_status, is_idle,
				is_low_efficiency, disposal_method, disposal_deadline, agreed_start_date, built_ratio, invested_ratio, owner_name,
				available_from, tax_per_mu_wan, output_per_mu_wan, notes, published, confirmed_at, contract_date, started_on,
				stopped_since, land_price_wan)
			select 'DZ-' || lpad(c.r::text, 4, '0') || '-' || lpad(c.c::text, 4, '0'), k.id, g.boundary, ST_Area(g.boundary::geography),
				p.land_use, p.plot_ratio_min, p.plot_ratio_max, p.building_density_max, p.green_ratio_max, p.height_limit_m,
				p.lease_term_years, p.price_wan_per_mu, p.readiness, p.readiness_items, p.supply_status, p.is_idle, p.is_low_efficiency,
				p.disposal_method, p.disposal_deadline, p.agreed_start_date, p.built_ratio, p.invested_ratio, p.owner_name,
				p.available_from, p.tax_per_mu_wan, p.output_per_mu_wan, p.notes, p.published, p.confirmed_at, p.contract_date,
				p.started_on, p.stopped_since, p.land_price_wan
			from (select i, i / ${DENSE.cols} as r, i % ${DENSE.cols} as c from generate_series(0, ${n - 1}::int) i) c
				join scale_shapes s on s.t = c.i % ${shapes}
				join plots p on p.id = s.plot_id
				cross join lateral (
					select ST_Multi(ST_Translate(ST_Scale(s.unit, ${cellLon * DENSE.fill}::float8, ${cellLat * DENSE.fill}::float8),
						${DENSE.lon0}::float8 + c.c * ${cellLon}::float8, ${DENSE.lat0}::float8 + c.r * ${cellLat}::float8)) as boundary
				) g
				join parks k on k.code = 'DZ-P' || lpad((least(c.r * ${DENSE.parkRows} / ${rows}, ${DENSE.parkRows - 1}) * ${DENSE.parkCols}
					+ least(c.c * ${DENSE.parkCols} / ${DENSE.cols}, ${DENSE.parkCols - 1}) + 1)::text, 2, '0')`);
		await tx.rows(sql`
			insert into plot_industries (plot_id, industry_id)
			select x.id, pi.industry_id
			from plots x join scale_shapes s on s.t = (split_part(x.code, '-', 2)::int * ${DENSE.cols} + split_part(x.code, '-', 3)::int) % ${shapes}
				join plot_industries pi on pi.plot_id = s.plot_id
			where x.code like 'DZ-%'`);
	});
	// A building on one plot in eleven (the sample's share), its footprint the plot's shape at 60 %, its figures and units a sample building's.
	await timed(log, 'buildings and units', async () => {
		const [{ nb }] = await tx.rows<{ nb: number }>(sql`select count(*)::int as nb from buildings`);
		await tx.rows(sql`
			insert into buildings (code, park_id, plot_id, name_zh, name_en, footprint, kind, floors, gross_area_m2, leasable_area_m2,
				leased_area_m2, rent_yuan_per_m2_day, owner_name, operator_name, business_formats, tax_tier, completed_year, published,
				confirmed_at, annual_tax_wan, manager_name)
			select 'B' || x.code, x.park_id, x.id, b.name_zh || ' ' || x.code, b.name_en || ' ' || x.code,
				ST_Translate(ST_Scale(ST_Translate(x.boundary, -ST_X(cc.c), -ST_Y(cc.c)), 0.6, 0.6), ST_X(cc.c), ST_Y(cc.c)),
				b.kind, b.floors, b.gross_area_m2, b.leasable_area_m2, b.leased_area_m2, b.rent_yuan_per_m2_day, b.owner_name,
				b.operator_name, b.business_formats, b.tax_tier, b.completed_year, b.published, b.confirmed_at, b.annual_tax_wan, b.manager_name
			from plots x
				cross join lateral (select ST_Centroid(x.boundary) as c) cc
				join (select row_number() over (order by id)::int - 1 as i, * from buildings) b on b.i = (x.id / 11) % ${nb}
			where x.code like 'DZ-%' and x.id % 11 = 0`);
		await tx.rows(sql`
			insert into units (building_id, floor, unit_no, area_m2, status, tenant_industry_id)
			select x.id, u.floor, u.unit_no, u.area_m2, u.status, u.tenant_industry_id
			from buildings x join plots p on p.id = x.plot_id
				join (select row_number() over (order by id)::int - 1 as i, id from buildings where code not like 'BDZ-%') b on b.i = (p.id / 11) % ${nb}
				join units u on u.building_id = b.id
			where x.code like 'BDZ-%'`);
	});
	await timed(log, 'facilities', async () => {
		// The sample's facilities, each kind spread over the dense zone on a 6 × 5 grid (one per park area).
		await tx.rows(sql`
			insert into facilities (code, kind, name_zh, name_en, location, published)
			select 'DZ-' || f.code || '-' || g.i, f.kind, f.name_zh || ' ' || g.i, f.name_en || ' ' || g.i,
				ST_SetSRID(ST_MakePoint(
					${DENSE.lon0}::float8 + (g.i % ${DENSE.parkCols} + 0.5 + 0.3 * sin(f.id)) * ${parkLon}::float8,
					${DENSE.lat0}::float8 + (g.i / ${DENSE.parkCols} + 0.5 + 0.3 * cos(f.id)) * ${parkLat}::float8), 4326), f.published
			from facilities f cross join generate_series(0, ${DENSE.parkCols * DENSE.parkRows - 1}::int) g(i)
			where f.code not like 'DZ-%' and f.code not like '%-K%'`);
	});
	await timed(log, 'enterprises, enquiries and views', async () => {
		// Four plots in nine have a firm (the sample's share), its figures a sample firm's.
		await tx.rows(sql`
			insert into enterprises (name_zh, name_en, industry_id, chain_link_id, plot_id, location, employees, output_band, tax_band, marks, published)
			select e.name_zh, e.name_en, e.industry_id, e.chain_link_id, x.id, ST_PointOnSurface(x.boundary), e.employees, e.output_band,
				e.tax_band, e.marks, e.published
			from plots x join (select row_number() over (order by id)::int - 1 as i, * from enterprises) e
				on e.i = x.id % (select count(*) from enterprises)
			where x.code like 'DZ-%' and x.id % 9 < 4`);
		await tx.rows(sql`
			insert into enquiries (reference, site_kind, plot_id, company, contact_name, contact_email, industry_id, message, locale, status,
				created_at, status_at)
			select 'SA-SCALE-' || x.id, 'plot', x.id, e.company, e.contact_name, coalesce(e.contact_email, 'scale@example.com'), e.industry_id,
				e.message, e.locale, 'new', e.created_at, e.created_at
			from plots x join (select row_number() over (order by id)::int - 1 as i, * from enquiries) e
				on e.i = x.id % (select count(*) from enquiries)
			where x.code like 'DZ-%' and x.id % 18 = 0`);
		await tx.rows(sql`
			insert into site_views (site_kind, site_code, day, views)
			select 'plot', x.code, current_date - (x.id % 60)::int, 1 + x.id % 7 from plots x where x.code like 'DZ-%' and x.id % 3 = 0`);
	});
}
