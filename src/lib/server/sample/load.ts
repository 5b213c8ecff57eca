/**
 * Loads the sample zone into an empty database, in one transaction. Rows go in as one
 * JSON parameter per table (`jsonb_to_recordset`), which keeps every statement
 * parameterised and the load fast on the embedded database.
 */
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../db/client';
import { LAYERS } from '../../domain/vocab';
import { generateSampleZone, type SampleZone } from './generate';
import { generateLedgers, type SampleLedgers } from './ledgers';
import { generatePipeline, type SamplePipeline } from './pipeline';
import { detectCases } from '../land/detect';
import { followCases } from '../land/follow';
import { closeMonth } from '../economy/months';
import { bumpLayerVersions } from '../tiles/versions';
import { createUser } from '../auth';
import { markSampleData } from '../settings';

/**
 * Demo accounts, created only with the sample zone (and listed in the README): one editor per
 * park company, one promotion staff member, one administrator.
 */
export const DEMO_ACCOUNTS = [
	{ email: 'admin@demo.siteatlas', displayName: '赵敏', password: 'demo-admin-2026', role: 'admin', parkCodes: [] },
	{ email: 'staff@demo.siteatlas', displayName: '李静', password: 'demo-staff-2026', role: 'staff', parkCodes: [] },
	{ email: 'editor-nm@demo.siteatlas', displayName: '王海涛', password: 'demo-nm-2026', role: 'park_editor', parkCodes: ['NM', 'NM-RE'] },
	{ email: 'editor-te@demo.siteatlas', displayName: '刘洋', password: 'demo-te-2026', role: 'park_editor', parkCodes: ['TE'] },
	{ email: 'editor-av@demo.siteatlas', displayName: '陈晨', password: 'demo-av-2026', role: 'park_editor', parkCodes: ['AV'] },
	{ email: 'editor-pl@demo.siteatlas', displayName: '孙磊', password: 'demo-pl-2026', role: 'park_editor', parkCodes: ['PL'] },
	{ email: 'editor-se@demo.siteatlas', displayName: '周婷', password: 'demo-se-2026', role: 'park_editor', parkCodes: ['SE'] }
] as const;

export interface LoadResult {
	loaded: boolean;
	counts: Record<string, number>;
}

/** Loads the sample zone if the database has no parks yet. */
export async function ensureSampleZone(database: Database, asOf = todayIso()): Promise<LoadResult> {
	const [{ n }] = await database.rows<{ n: number }>(sql`select count(*)::int as n from parks`);
	if (n > 0) return { loaded: false, counts: {} };
	return loadSampleZone(database, generateSampleZone({ asOf }));
}

export function todayIso(): string {
	return new Date().toISOString().slice(0, 10);
}

const j = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

export async function loadSampleZone(database: Database, zone: SampleZone): Promise<LoadResult> {
	const asOf = zone.asOf;
	await database.transaction(async (tx) => {
		await insertTaxonomy(tx, zone);
		await insertParks(tx, zone);
		await insertPlots(tx, zone, asOf);
		await insertBuildings(tx, zone, asOf);
		await insertOthers(tx, zone);
		await insertLedgers(tx, zone, generateLedgers(zone));
		await bumpLayerVersions(tx, LAYERS);
		await markSampleData(tx);
		for (const a of DEMO_ACCOUNTS) await createUser(tx, { ...a, parkCodes: [...a.parkCodes] });
		await insertPipeline(tx, zone, generatePipeline(zone));
	});
	const counts: Record<string, number> = {};
	for (const table of ['parks', 'plots', 'buildings', 'units', 'enterprises', 'facilities', 'roads', 'projects']) {
		const [{ n }] = await database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`);
		counts[table] = n;
	}
	return { loaded: true, counts };
}

async function insertTaxonomy(tx: TxHandle, zone: SampleZone) {
	await tx.rows(sql`
		insert into industries (code, name_zh, name_en, grp, sort_order)
		select r.code, r.name_zh, r.name_en, r.grp, r.ord
		from jsonb_to_recordset(${j(zone.industries.map((i, ord) => ({ code: i.code, name_zh: i.nameZh, name_en: i.nameEn, grp: i.grp, ord })))})
			as r(code text, name_zh text, name_en text, grp text, ord int)`);
	await tx.rows(sql`
		insert into chains (code, industry_id, name_zh, name_en)
		select r.code, i.id, r.name_zh, r.name_en
		from jsonb_to_recordset(${j(zone.chains.map((c) => ({ code: c.code, industry: c.industry, name_zh: c.nameZh, name_en: c.nameEn })))})
			as r(code text, industry text, name_zh text, name_en text)
		join industries i on i.code = r.industry`);
	const links = zone.chains.flatMap((c) => c.links.map((l, idx) => ({ code: l.code, chain: c.code, position: idx + 1, name_zh: l.nameZh, name_en: l.nameEn })));
	await tx.rows(sql`
		insert into chain_links (code, chain_id, position, name_zh, name_en)
		select r.code, c.id, r.position, r.name_zh, r.name_en
		from jsonb_to_recordset(${j(links)}) as r(code text, chain text, position int, name_zh text, name_en text)
		join chains c on c.code = r.chain`);
}

async function insertParks(tx: TxHandle, zone: SampleZone) {
	// Parents first, so that parks within parks can refer to them.
	for (const pass of [false, true]) {
		const rows = zone.parks
			.filter((p) => (p.parent !== null) === pass)
			.map((p) => ({
				code: p.code,
				name_zh: p.nameZh,
				name_en: p.nameEn,
				kind: p.kind,
				parent: p.parent,
				boundary: p.boundary,
				operator_zh: p.operatorZh,
				operator_en: p.operatorEn,
				contact_name: p.contactName,
				contact_phone: p.contactPhone,
				contact_email: p.contactEmail,
				profile_zh: p.profileZh,
				profile_en: p.profileEn,
				published: p.published
			}));
		await tx.rows(sql`
			insert into parks (code, name_zh, name_en, kind, parent_id, boundary, area_m2, operator_zh, operator_en,
				contact_name, contact_phone, contact_email, profile_zh, profile_en, published)
			select r.code, r.name_zh, r.name_en, r.kind, parent.id, g.geom, ST_Area(g.geom::geography), r.operator_zh, r.operator_en,
				r.contact_name, r.contact_phone, r.contact_email, r.profile_zh, r.profile_en, r.published
			from jsonb_to_recordset(${j(rows)}) as r(code text, name_zh text, name_en text, kind text, parent text, boundary jsonb,
				operator_zh text, operator_en text, contact_name text, contact_phone text, contact_email text,
				profile_zh text, profile_en text, published boolean)
			cross join lateral (select ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r.boundary::text), 4326)) as geom) g
			left join parks parent on parent.code = r.parent`);
	}
	const industries = zone.parks.flatMap((p) => p.industries.map((i) => ({ park: p.code, industry: i.code, is_leading: i.leading })));
	await tx.rows(sql`
		insert into park_industries (park_id, industry_id, is_leading)
		select p.id, i.id, r.is_leading from jsonb_to_recordset(${j(industries)}) as r(park text, industry text, is_leading boolean)
		join parks p on p.code = r.park join industries i on i.code = r.industry`);
	const chains = zone.parks.flatMap((p) => p.chains.map((c) => ({ park: p.code, chain: c })));
	await tx.rows(sql`
		insert into park_chains (park_id, chain_id)
		select p.id, c.id from jsonb_to_recordset(${j(chains)}) as r(park text, chain text)
		join parks p on p.code = r.park join chains c on c.code = r.chain`);
	const targets = zone.parks.filter((p) => p.disposalTargetMu).map((p) => ({ park: p.code, year: zone.disposalYear, target: p.disposalTargetMu }));
	await tx.rows(sql`
		insert into disposal_targets (park_id, year, target_mu)
		select p.id, r.year, r.target from jsonb_to_recordset(${j(targets)}) as r(park text, year int, target float8)
		join parks p on p.code = r.park`);
}

async function insertPlots(tx: TxHandle, zone: SampleZone, asOf: string) {
	const rows = zone.plots.map((p) => ({
		code: p.code,
		park: p.park,
		boundary: p.boundary,
		land_use: p.landUse,
		plot_ratio_min: p.plotRatioMin,
		plot_ratio_max: p.plotRatioMax,
		building_density_max: p.buildingDensityMax,
		green_ratio_max: p.greenRatioMax,
		height_limit_m: p.heightLimitM,
		lease_term_years: p.leaseTermYears,
		price_wan_per_mu: p.priceWanPerMu,
		readiness: p.readiness,
		readiness_items: p.readinessItems,
		supply_status: p.supplyStatus,
		is_idle: p.isIdle,
		is_low_efficiency: p.isLowEfficiency,
		disposal_method: p.disposalMethod,
		disposal_deadline: p.disposalDeadline,
		agreed_start_date: p.agreedStartDate,
		built_ratio: p.builtRatio,
		invested_ratio: p.investedRatio,
		owner_name: p.ownerName,
		contact_name: p.contactName,
		contact_phone: p.contactPhone,
		available_from: p.availableFrom,
		tax_per_mu_wan: p.taxPerMuWan,
		output_per_mu_wan: p.outputPerMuWan,
		published: p.published,
		confirmed_days_ago: p.confirmedDaysAgo
	}));
	await tx.rows(sql`
		insert into plots (code, park_id, boundary, area_m2, land_use, plot_ratio_min, plot_ratio_max, building_density_max,
			green_ratio_max, height_limit_m, lease_term_years, price_wan_per_mu, readiness, readiness_items, supply_status,
			is_idle, is_low_efficiency, disposal_method, disposal_deadline, agreed_start_date, built_ratio, invested_ratio,
			owner_name, contact_name, contact_phone, available_from, tax_per_mu_wan, output_per_mu_wan, published, confirmed_at)
		select r.code, p.id, g.geom, ST_Area(g.geom::geography), r.land_use, r.plot_ratio_min, r.plot_ratio_max, r.building_density_max,
			r.green_ratio_max, r.height_limit_m, r.lease_term_years, r.price_wan_per_mu, r.readiness,
			array(select jsonb_array_elements_text(r.readiness_items)), r.supply_status,
			r.is_idle, r.is_low_efficiency, r.disposal_method, r.disposal_deadline, r.agreed_start_date, r.built_ratio, r.invested_ratio,
			r.owner_name, r.contact_name, r.contact_phone, r.available_from, r.tax_per_mu_wan, r.output_per_mu_wan, r.published,
			(${asOf}::date + time '10:00') at time zone 'Asia/Shanghai' - make_interval(days => r.confirmed_days_ago)
		from jsonb_to_recordset(${j(rows)}) as r(code text, park text, boundary jsonb, land_use text, plot_ratio_min float8,
			plot_ratio_max float8, building_density_max float8, green_ratio_max float8, height_limit_m float8, lease_term_years int,
			price_wan_per_mu float8, readiness text, readiness_items jsonb, supply_status text, is_idle boolean,
			is_low_efficiency boolean, disposal_method text, disposal_deadline date, agreed_start_date date, built_ratio float8,
			invested_ratio float8, owner_name text, contact_name text, contact_phone text, available_from date,
			tax_per_mu_wan float8, output_per_mu_wan float8, published boolean, confirmed_days_ago int)
		cross join lateral (select ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r.boundary::text), 4326)) as geom) g
		join parks p on p.code = r.park`);
	const suited = zone.plots.flatMap((p) => p.industries.map((i) => ({ plot: p.code, industry: i })));
	await tx.rows(sql`
		insert into plot_industries (plot_id, industry_id)
		select pl.id, i.id from jsonb_to_recordset(${j(suited)}) as r(plot text, industry text)
		join plots pl on pl.code = r.plot join industries i on i.code = r.industry`);
}

async function insertBuildings(tx: TxHandle, zone: SampleZone, asOf: string) {
	const rows = zone.buildings.map((b) => ({
		code: b.code,
		park: b.park,
		plot: b.plot,
		name_zh: b.nameZh,
		name_en: b.nameEn,
		footprint: b.footprint,
		kind: b.kind,
		floors: b.floors,
		gross: b.grossAreaM2,
		leasable: b.leasableAreaM2,
		rent: b.rentYuanPerM2Day,
		owner: b.ownerName,
		operator: b.operatorName,
		formats: b.businessFormats,
		tax_tier: b.taxTier,
		completed: b.completedYear,
		published: b.published,
		confirmed_days_ago: b.confirmedDaysAgo
	}));
	await tx.rows(sql`
		insert into buildings (code, park_id, plot_id, name_zh, name_en, footprint, kind, floors, gross_area_m2, leasable_area_m2,
			rent_yuan_per_m2_day, owner_name, operator_name, business_formats, tax_tier, completed_year, published, confirmed_at)
		select r.code, pk.id, pl.id, r.name_zh, r.name_en, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(r.footprint::text), 4326)), r.kind,
			r.floors, r.gross, r.leasable, r.rent, r.owner, r.operator, array(select jsonb_array_elements_text(r.formats)),
			r.tax_tier, r.completed, r.published,
			(${asOf}::date + time '10:00') at time zone 'Asia/Shanghai' - make_interval(days => r.confirmed_days_ago)
		from jsonb_to_recordset(${j(rows)}) as r(code text, park text, plot text, name_zh text, name_en text, footprint jsonb,
			kind text, floors int, gross float8, leasable float8, rent float8, owner text, operator text, formats jsonb,
			tax_tier text, completed int, published boolean, confirmed_days_ago int)
		join parks pk on pk.code = r.park left join plots pl on pl.code = r.plot`);
	const units = zone.buildings.flatMap((b) =>
		b.units.map((u) => ({ building: b.code, floor: u.floor, unit_no: u.unitNo, area: u.areaM2, status: u.status, industry: u.tenantIndustry }))
	);
	await tx.rows(sql`
		insert into units (building_id, floor, unit_no, area_m2, status, tenant_industry_id)
		select b.id, r.floor, r.unit_no, r.area, r.status, i.id
		from jsonb_to_recordset(${j(units)}) as r(building text, floor int, unit_no text, area float8, status text, industry text)
		join buildings b on b.code = r.building left join industries i on i.code = r.industry`);
}

async function insertOthers(tx: TxHandle, zone: SampleZone) {
	await tx.rows(sql`
		insert into enterprises (name_zh, name_en, industry_id, chain_link_id, plot_id, building_id, location, employees, output_band, tax_band, marks)
		select r.name_zh, r.name_en, i.id, l.id, pl.id, b.id, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), r.employees,
			r.output_band, r.tax_band, array(select jsonb_array_elements_text(r.marks))
		from jsonb_to_recordset(${j(
			zone.enterprises.map((e) => ({
				name_zh: e.nameZh,
				name_en: e.nameEn,
				industry: e.industry,
				link: e.link,
				plot: e.plot,
				building: e.building,
				lon: e.location[0],
				lat: e.location[1],
				employees: e.employees,
				output_band: e.outputBand,
				tax_band: e.taxBand,
				marks: e.marks
			}))
		)}) as r(name_zh text, name_en text, industry text, link text, plot text, building text, lon float8, lat float8,
			employees int, output_band text, tax_band text, marks jsonb)
		join industries i on i.code = r.industry left join chain_links l on l.code = r.link
		left join plots pl on pl.code = r.plot left join buildings b on b.code = r.building`);
	await tx.rows(sql`
		insert into facilities (code, kind, name_zh, name_en, location)
		select r.code, r.kind, r.name_zh, r.name_en, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326)
		from jsonb_to_recordset(${j(
			zone.facilities.map((f) => ({ code: f.code, kind: f.kind, name_zh: f.nameZh, name_en: f.nameEn, lon: f.location[0], lat: f.location[1] }))
		)}) as r(code text, kind text, name_zh text, name_en text, lon float8, lat float8)`);
	await tx.rows(sql`
		insert into roads (name_zh, name_en, road_class, oneway, speed_kmh, geom, length_m)
		select r.name_zh, r.name_en, r.road_class, r.oneway, r.speed, g.geom, ST_Length(g.geom::geography)
		from jsonb_to_recordset(${j(
			zone.roads.map((r) => ({ name_zh: r.nameZh, name_en: r.nameEn, road_class: r.roadClass, oneway: r.oneway, speed: r.speedKmh, geom: r.geom }))
		)}) as r(name_zh text, name_en text, road_class text, oneway boolean, speed int, geom jsonb)
		cross join lateral (select ST_SetSRID(ST_GeomFromGeoJSON(r.geom::text), 4326) as geom) g`);
}

/** The land and building ledgers (see ledgers.ts); then the legal test finds the suspected cases, and this month's rows are written. */
async function insertLedgers(tx: TxHandle, zone: SampleZone, l: SampleLedgers) {
	await tx.rows(sql`
		update plots p set contract_date = r.contract_date, started_on = r.started_on, stopped_since = r.stopped_since, land_price_wan = r.land_price_wan
		from jsonb_to_recordset(${j(l.facts.map((f) => ({ code: f.code, contract_date: f.contractDate, started_on: f.startedOn, stopped_since: f.stoppedSince, land_price_wan: f.landPriceWan })))})
			as r(code text, contract_date date, started_on date, stopped_since date, land_price_wan float8)
		where p.code = r.code`);
	await tx.rows(
		sql`update site_settings set min_tax_per_mu_wan = ${l.zoneThresholds.taxPerMuWan}, min_output_per_mu_wan = ${l.zoneThresholds.outputPerMuWan} where id = 1`
	);
	for (const t of l.buildingTargets) {
		await tx.rows(sql`update disposal_targets d set buildings_over_100m = ${t.over100m}, buildings_over_50m = ${t.over50m}
			from parks k where k.id = d.park_id and k.code = ${t.park} and d.year = ${zone.disposalYear}`);
	}
	for (const t of l.parkThresholds) {
		await tx.rows(sql`update parks set min_tax_per_mu_wan = ${t.taxPerMuWan}, min_output_per_mu_wan = ${t.outputPerMuWan} where code = ${t.park}`);
	}
	await tx.rows(sql`
		insert into land_cases (plot_id, kind, stage, grounds, area_m2, detected_on, decided_on, decision, method, officer, deadline, steps, completed_on, outcome)
		select p.id, r.kind, r.stage, r.grounds, p.area_m2, r.detected_on, r.decided_on, r.decision, r.method, r.officer, r.deadline, r.steps, r.completed_on, r.outcome
		from jsonb_to_recordset(${j(l.cases.map((c) => ({ ...c, detected_on: c.detectedOn, decided_on: c.decidedOn, completed_on: c.completedOn })))})
			as r(plot text, kind text, stage text, grounds jsonb, detected_on date, decided_on date, decision text, method text, officer text,
				deadline date, steps jsonb, completed_on date, outcome text)
		join plots p on p.code = r.plot`);
	// The plots' flags as their cases say (the generator's own flags agree; its deadlines are the cases').
	await followCases(tx, null, { bump: false });
	await detectCases(tx, new Date(`${zone.asOf}T00:00:00Z`));
	await tx.rows(sql`
		update buildings b set annual_tax_wan = r.tax, manager_name = r.manager, manager_phone = r.phone
		from jsonb_to_recordset(${j(l.buildings.map((b) => ({ code: b.code, tax: b.annualTaxWan, manager: b.managerName, phone: b.managerPhone })))})
			as r(code text, tax float8, manager text, phone text)
		where b.code = r.code`);
	const months = l.buildings.flatMap((b) => b.months.map((m) => ({ code: b.code, ...m })));
	await tx.rows(sql`
		insert into building_months (building_id, month, leasable_m2, leased_m2, reserved_m2, vacant_m2, tenants, tax_wan)
		select b.id, r.month, r."leasableM2", r."leasedM2", r."reservedM2", r."vacantM2", r.tenants, r."taxWan"
		from jsonb_to_recordset(${j(months)}) as r(code text, month date, "leasableM2" float8, "leasedM2" float8, "reservedM2" float8, "vacantM2" float8, tenants int, "taxWan" float8)
		join buildings b on b.code = r.code`);
	await closeMonth(tx, new Date(`${zone.asOf}T12:00:00Z`));
}

/** The promotion pipeline (see pipeline.ts): projects with their details, targets, target firms, enquiries, demand and views. */
async function insertPipeline(tx: TxHandle, zone: SampleZone, p: SamplePipeline) {
	await tx.rows(sql`
		insert into projects (name_zh, name_en, investor_name, industry_id, chain_link_id, stage, park_id, plot_id, building_id, investment_wan,
			funds_in_place_wan, foreign_capital_usd, lead_at, negotiation_at, signed_at, started_at, production_at, feedback_at, officer_name, leader_name,
			milestones, last_update_on)
		select r.name_zh, r.name_en, r.investor, c.industry_id, l.id, r.stage, coalesce(pl.park_id, bl.park_id), pl.id, bl.id, r.investment, r.funds, r.fdi,
			r.lead_at, r.negotiation_at, r.signed_at, r.started_at, r.production_at, r.feedback_at, r.officer, r.leader, r.milestones, r.last_update
		from jsonb_to_recordset(${j(
			p.projects.map((x) => ({
				name_zh: x.nameZh,
				name_en: x.nameEn,
				investor: x.investorName,
				link: x.link,
				stage: x.stage,
				plot: x.plot,
				building: x.building,
				investment: x.investmentWan,
				funds: x.fundsInPlaceWan,
				fdi: x.foreignCapitalUsd,
				lead_at: x.leadAt,
				negotiation_at: x.negotiationAt,
				signed_at: x.signedAt,
				started_at: x.startedAt,
				production_at: x.productionAt,
				feedback_at: x.feedbackAt,
				officer: x.officer,
				leader: x.leader,
				milestones: x.milestones,
				last_update:
					x.updates
						.map((u) => u.weekOf)
						.sort()
						.at(-1) ?? null
			}))
		)}) as r(name_zh text, name_en text, investor text, link text, stage text, plot text, building text, investment float8, funds float8, fdi float8,
			lead_at date, negotiation_at date, signed_at date, started_at date, production_at date, feedback_at date, officer text, leader text, milestones jsonb,
			last_update date)
		join chain_links l on l.code = r.link join chains c on c.id = l.chain_id
		left join plots pl on pl.code = r.plot left join buildings bl on bl.code = r.building`);
	await tx.rows(sql`
		insert into project_problems (project_id, text, owner, due_on, resolved_on)
		select j.id, r.text, r.owner, r.due_on, r.resolved_on
		from jsonb_to_recordset(${j(p.projects.flatMap((x) => x.problems.map((q) => ({ project: x.nameZh, text: q.text, owner: q.owner, due_on: q.dueOn, resolved_on: q.resolvedOn }))))})
			as r(project text, text text, owner text, due_on date, resolved_on date)
		join projects j on j.name_zh = r.project`);
	await tx.rows(sql`
		insert into project_updates (project_id, week_of, progress, next_steps, funds_in_place_wan, user_id)
		select j.id, r.week_of, r.progress, r.next_steps, r.funds, (select id from users where email = 'staff@demo.siteatlas')
		from jsonb_to_recordset(${j(
			p.projects.flatMap((x) =>
				x.updates.map((u) => ({ project: x.nameZh, week_of: u.weekOf, progress: u.progress, next_steps: u.nextSteps, funds: u.fundsInPlaceWan }))
			)
		)}) as r(project text, week_of date, progress text, next_steps text, funds float8)
		join projects j on j.name_zh = r.project`);
	for (const t of p.targets) {
		await tx.rows(sql`update disposal_targets d set projects_to_sign = ${t.projectsToSign}, funds_yi = ${t.fundsYi}, foreign_capital_usd = ${t.foreignCapitalUsd}
			from parks k where k.id = d.park_id and k.code = ${t.park} and d.year = ${zone.disposalYear}`);
	}
	await tx.rows(sql`
		insert into target_firms (chain_link_id, name, location, reason, owner, status)
		select l.id, r.name, r.location, r.reason, r.owner, r.status
		from jsonb_to_recordset(${j(p.targetFirms)}) as r(link text, name text, location text, reason text, owner text, status text)
		join chain_links l on l.code = r.link`);
	const enquiries = p.enquiries.map((e, i) => ({
		...e,
		reference: `SA-${zone.asOf.slice(0, 4)}-S${String(i + 1)
			.padStart(5, '0')
			.replace(/[01]/g, (c) => (c === '0' ? 'Z' : 'Y'))}`
	}));
	await tx.rows(sql`
		insert into enquiries (reference, site_kind, plot_id, building_id, park_id, company, contact_name, contact_email, contact_phone, industry_id,
			space_needed_m2, message, locale, status, lost_reason, owner_id, created_at, status_at, contacted_at, updated_at)
		select r.reference, r."siteKind", pl.id, bl.id, pk.id, r.company, r."contactName", r."contactEmail", r."contactPhone", i.id, r."spaceNeededM2",
			r.message, r.locale, r.status, r."lostReason", u.id, r."receivedAt", coalesce(r."contactedAt", r."receivedAt"), r."contactedAt", r."receivedAt"
		from jsonb_to_recordset(${j(enquiries)}) as r(reference text, "siteKind" text, site text, company text, "contactName" text, "contactEmail" text,
			"contactPhone" text, industry text, "spaceNeededM2" float8, message text, locale text, status text, "lostReason" text, owner text,
			"receivedAt" timestamptz, "contactedAt" timestamptz)
		left join plots pl on r."siteKind" = 'plot' and pl.code = r.site left join buildings bl on r."siteKind" = 'building' and bl.code = r.site
		left join parks pk on r."siteKind" = 'park' and pk.code = r.site left join industries i on i.code = r.industry left join users u on u.email = r.owner`);
	await tx.rows(sql`
		insert into enquiry_notes (enquiry_id, user_id, body, created_at)
		select e.id, e.owner_id, r.body, e.contacted_at
		from jsonb_to_recordset(${j(enquiries.flatMap((e) => e.notes.map((body) => ({ reference: e.reference, body }))))}) as r(reference text, body text)
		join enquiries e on e.reference = r.reference`);
	await tx.rows(sql`
		insert into search_demand (week_of, industry, area_band, land_use, cell, found, searches)
		select r."weekOf", r.industry, r."areaBand", r."landUse", r.cell, r.found, r.searches
		from jsonb_to_recordset(${j(p.demand)}) as r("weekOf" date, industry text, "areaBand" text, "landUse" text, cell text, found boolean, searches int)`);
	await tx.rows(sql`
		insert into site_views (site_kind, site_code, day, views)
		select r."siteKind", r.site, r.day, r.views from jsonb_to_recordset(${j(p.views)}) as r("siteKind" text, site text, day date, views int)`);
}
