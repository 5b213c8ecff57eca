/**
 * The SiteAtlas domain schema (DESIGN.md §2). PostGIS is the source of truth:
 * geometry in EPSG:4326, areas computed on the geography and stored in m².
 *
 * Status vocabularies live in `$lib/domain/vocab` so that the CHECK constraints
 * here, the zod schemas and the UI all use one list.
 */
import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	bigint,
	bigserial,
	boolean,
	check,
	customType,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	serial,
	smallint,
	text,
	timestamp,
	unique,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import {
	AUDIT_ACTIONS,
	BUILDING_KINDS,
	DISPOSAL_METHODS,
	ENQUIRY_LOST_REASONS,
	ENQUIRY_STATUSES,
	ENTERPRISE_BANDS,
	OUTBOX_KINDS,
	OUTBOX_STATUSES,
	TARGET_FIRM_STATUSES,
	FACILITY_KINDS,
	INDUSTRY_GROUPS,
	LAND_USES,
	LAYERS,
	PARK_KINDS,
	PROJECT_STAGES,
	READINESS_LEVELS,
	ROAD_CLASSES,
	ROLES,
	SITE_KINDS,
	SUPPLY_STATUSES,
	TAX_TIERS,
	UNIT_STATUSES
} from '../../domain/vocab';
import { CASE_KINDS, CASE_STAGES } from '../../domain/idle-cases';

/**
 * A PostGIS geometry column. drizzle's built-in `geometry()` handles points only;
 * both drivers return hex EWKB, so reads go through ST_AsGeoJSON in SQL and the
 * value type here is the raw driver string.
 */
const geometry = (name: string, kind: 'MultiPolygon' | 'Point' | 'LineString' | 'MultiLineString') =>
	customType<{ data: string; driverData: string }>({
		dataType: () => `geometry(${kind},4326)`
	})(name);

/** `col IN ('a','b')` for a CHECK constraint; values are our own constants, never user input. */
const oneOf = (column: string, values: readonly string[]) => sql.raw(`${column} IN (${values.map((v) => `'${v}'`).join(', ')})`);

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updated = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const version = () => integer('version').notNull().default(1);

// ---------------------------------------------------------------- taxonomy

export const industries = pgTable(
	'industries',
	{
		id: serial('id').primaryKey(),
		code: text('code').notNull().unique(),
		nameZh: text('name_zh').notNull(),
		nameEn: text('name_en').notNull(),
		grp: text('grp').notNull(),
		sortOrder: smallint('sort_order').notNull().default(0)
	},
	(_t) => [check('industries_grp_check', oneOf('grp', INDUSTRY_GROUPS))]
);

export const chains = pgTable('chains', {
	id: serial('id').primaryKey(),
	code: text('code').notNull().unique(),
	industryId: integer('industry_id')
		.notNull()
		.references(() => industries.id),
	nameZh: text('name_zh').notNull(),
	nameEn: text('name_en').notNull(),
	sortOrder: smallint('sort_order').notNull().default(0)
});

/** A link of a chain; `position` orders links from upstream (1) to downstream. */
export const chainLinks = pgTable(
	'chain_links',
	{
		id: serial('id').primaryKey(),
		code: text('code').notNull().unique(),
		chainId: integer('chain_id')
			.notNull()
			.references(() => chains.id, { onDelete: 'cascade' }),
		position: smallint('position').notNull(),
		nameZh: text('name_zh').notNull(),
		nameEn: text('name_en').notNull()
	},
	(t) => [unique('chain_links_chain_position_key').on(t.chainId, t.position), check('chain_links_position_check', sql`${t.position} >= 1`)]
);

// ---------------------------------------------------------------- parks

export const parks = pgTable(
	'parks',
	{
		id: serial('id').primaryKey(),
		code: text('code').notNull().unique(),
		nameZh: text('name_zh').notNull(),
		nameEn: text('name_en').notNull(),
		kind: text('kind').notNull(),
		parentId: integer('parent_id').references((): AnyPgColumn => parks.id),
		boundary: geometry('boundary', 'MultiPolygon').notNull(),
		areaM2: doublePrecision('area_m2').notNull(),
		operatorZh: text('operator_zh').notNull(),
		operatorEn: text('operator_en').notNull(),
		contactName: text('contact_name'),
		contactPhone: text('contact_phone'),
		contactEmail: text('contact_email'),
		profileZh: text('profile_zh').notNull().default(''),
		profileEn: text('profile_en').notNull().default(''),
		photos: jsonb('photos').$type<string[]>().notNull().default([]),
		/** Low-efficiency thresholds (亩均税收, 亩均产值, 万元/亩/年); null: the zone's applies. */
		minTaxPerMuWan: doublePrecision('min_tax_per_mu_wan'),
		minOutputPerMuWan: doublePrecision('min_output_per_mu_wan'),
		published: boolean('published').notNull().default(false),
		version: version(),
		createdAt: created(),
		updatedAt: updated()
	},
	(t) => [
		check('parks_kind_check', oneOf('kind', PARK_KINDS)),
		check('parks_area_check', sql`${t.areaM2} > 0`),
		check(
			'parks_thresholds_check',
			sql`(${t.minTaxPerMuWan} IS NULL OR ${t.minTaxPerMuWan} >= 0) AND (${t.minOutputPerMuWan} IS NULL OR ${t.minOutputPerMuWan} >= 0)`
		),
		check('parks_parent_check', sql`(${t.kind} = 'park_in_park') = (${t.parentId} IS NOT NULL)`),
		index('parks_boundary_gist').using('gist', t.boundary)
	]
);

export const parkIndustries = pgTable(
	'park_industries',
	{
		parkId: integer('park_id')
			.notNull()
			.references(() => parks.id, { onDelete: 'cascade' }),
		industryId: integer('industry_id')
			.notNull()
			.references(() => industries.id),
		isLeading: boolean('is_leading').notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.parkId, t.industryId] })]
);

export const parkChains = pgTable(
	'park_chains',
	{
		parkId: integer('park_id')
			.notNull()
			.references(() => parks.id, { onDelete: 'cascade' }),
		chainId: integer('chain_id')
			.notNull()
			.references(() => chains.id)
	},
	(t) => [primaryKey({ columns: [t.parkId, t.chainId] })]
);

/**
 * A park's targets for a year (the table is named for the first of them, the idle and
 * low-efficiency land to dispose of in 亩); a target left empty is not set for that year.
 */
export const disposalTargets = pgTable(
	'disposal_targets',
	{
		id: serial('id').primaryKey(),
		parkId: integer('park_id')
			.notNull()
			.references(() => parks.id, { onDelete: 'cascade' }),
		year: smallint('year').notNull(),
		targetMu: doublePrecision('target_mu'),
		/** Projects to sign (签约项目). */
		projectsToSign: integer('projects_to_sign'),
		/** Funds to bring in, 亿元 (到位资金). */
		fundsYi: doublePrecision('funds_yi'),
		/** Foreign capital actually used, USD (实际使用外资). */
		foreignCapitalUsd: doublePrecision('foreign_capital_usd'),
		/** Buildings whose tenants pay over ¥100 million a year (亿元楼宇). */
		buildingsOver100m: integer('buildings_over_100m'),
		/** …over ¥50 million a year. */
		buildingsOver50m: integer('buildings_over_50m'),
		version: version(),
		updatedAt: updated()
	},
	(t) => [
		unique('disposal_targets_park_year_key').on(t.parkId, t.year),
		check('disposal_targets_target_check', sql`${t.targetMu} IS NULL OR ${t.targetMu} >= 0`),
		check('disposal_targets_year_check', sql`${t.year} BETWEEN 2000 AND 2100`),
		check(
			'disposal_targets_values_check',
			sql`(${t.projectsToSign} IS NULL OR ${t.projectsToSign} >= 0) AND (${t.fundsYi} IS NULL OR ${t.fundsYi} >= 0) AND (${t.foreignCapitalUsd} IS NULL OR ${t.foreignCapitalUsd} >= 0) AND (${t.buildingsOver100m} IS NULL OR ${t.buildingsOver100m} >= 0) AND (${t.buildingsOver50m} IS NULL OR ${t.buildingsOver50m} >= 0)`
		)
	]
);

// ---------------------------------------------------------------- plots

export const plots = pgTable(
	'plots',
	{
		id: serial('id').primaryKey(),
		code: text('code').notNull(),
		parkId: integer('park_id')
			.notNull()
			.references(() => parks.id),
		boundary: geometry('boundary', 'MultiPolygon').notNull(),
		areaM2: doublePrecision('area_m2').notNull(),
		/** The plot's suited industries' codes, comma-separated in taxonomy order: kept by a trigger on plot_industries (migration 0014) for tiles. */
		industryCodes: text('industry_codes'),
		/** Metres to the nearest published facility of each kind (FACILITY_KINDS order; null past 100 km), kept by triggers (migration 0015). */
		nearM: doublePrecision('near_m').array(),
		landUse: text('land_use').notNull(),
		plotRatioMin: doublePrecision('plot_ratio_min'),
		plotRatioMax: doublePrecision('plot_ratio_max'),
		buildingDensityMax: doublePrecision('building_density_max'),
		greenRatioMax: doublePrecision('green_ratio_max'),
		heightLimitM: doublePrecision('height_limit_m'),
		leaseTermYears: smallint('lease_term_years'),
		priceWanPerMu: doublePrecision('price_wan_per_mu'),
		readiness: text('readiness').notNull(),
		readinessItems: text('readiness_items')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		supplyStatus: text('supply_status').notNull(),
		isIdle: boolean('is_idle').notNull().default(false),
		isLowEfficiency: boolean('is_low_efficiency').notNull().default(false),
		disposalMethod: text('disposal_method'),
		disposalDeadline: date('disposal_deadline'),
		/** Land contract (出让合同 / 划拨决定书) signed on. */
		contractDate: date('contract_date'),
		agreedStartDate: date('agreed_start_date'),
		/** Construction started on (null: not started, unless the status says it has). */
		startedOn: date('started_on'),
		/** Work stopped since (停工). */
		stoppedSince: date('stopped_since'),
		/** The land price paid, 万元 (the idle fee is 20% of it). */
		landPriceWan: doublePrecision('land_price_wan'),
		builtRatio: doublePrecision('built_ratio'),
		investedRatio: doublePrecision('invested_ratio'),
		ownerName: text('owner_name'),
		contactName: text('contact_name'),
		contactPhone: text('contact_phone'),
		availableFrom: date('available_from'),
		taxPerMuWan: doublePrecision('tax_per_mu_wan'),
		outputPerMuWan: doublePrecision('output_per_mu_wan'),
		notes: text('notes').notNull().default(''),
		published: boolean('published').notNull().default(false),
		/** Retired: kept with its history, off the public map, restorable; never published while retired. */
		retiredAt: timestamp('retired_at', { withTimezone: true }),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
		version: version(),
		createdAt: created(),
		updatedAt: updated()
	},
	(t) => [
		uniqueIndex('plots_code_key').on(t.code),
		check('plots_retired_check', sql`${t.retiredAt} IS NULL OR NOT ${t.published}`),
		index('plots_boundary_gist').using('gist', t.boundary),
		index('plots_park_idx').on(t.parkId),
		// The finder reads every candidate from this index alone (an index-only scan), not the wide rows.
		index('plots_finder_idx')
			.on(t.supplyStatus, t.areaM2, t.landUse, t.priceWanPerMu, t.confirmedAt, t.parkId, t.id, t.code, t.readinessItems, t.industryCodes, t.nearM)
			.where(sql`published`),
		check('plots_land_use_check', oneOf('land_use', LAND_USES)),
		check('plots_supply_status_check', oneOf('supply_status', SUPPLY_STATUSES)),
		check('plots_readiness_check', oneOf('readiness', READINESS_LEVELS)),
		check('plots_disposal_method_check', sql`disposal_method IS NULL OR ${oneOf('disposal_method', DISPOSAL_METHODS)}`),
		check('plots_area_check', sql`${t.areaM2} > 0`),
		check(
			'plots_plot_ratio_check',
			sql`(${t.plotRatioMin} IS NULL OR ${t.plotRatioMin} >= 0) AND (${t.plotRatioMax} IS NULL OR ${t.plotRatioMax} <= 20) AND (${t.plotRatioMin} IS NULL OR ${t.plotRatioMax} IS NULL OR ${t.plotRatioMin} <= ${t.plotRatioMax})`
		),
		check(
			'plots_ratios_check',
			sql`(${t.buildingDensityMax} IS NULL OR ${t.buildingDensityMax} BETWEEN 0 AND 1) AND (${t.greenRatioMax} IS NULL OR ${t.greenRatioMax} BETWEEN 0 AND 1) AND (${t.builtRatio} IS NULL OR ${t.builtRatio} BETWEEN 0 AND 1) AND (${t.investedRatio} IS NULL OR ${t.investedRatio} BETWEEN 0 AND 1)`
		),
		check('plots_height_check', sql`${t.heightLimitM} IS NULL OR ${t.heightLimitM} > 0`),
		check('plots_lease_term_check', sql`${t.leaseTermYears} IS NULL OR ${t.leaseTermYears} BETWEEN 1 AND 70`),
		check('plots_price_check', sql`(${t.priceWanPerMu} IS NULL OR ${t.priceWanPerMu} >= 0) AND (${t.landPriceWan} IS NULL OR ${t.landPriceWan} >= 0)`),
		check('plots_per_mu_check', sql`(${t.taxPerMuWan} IS NULL OR ${t.taxPerMuWan} >= 0) AND (${t.outputPerMuWan} IS NULL OR ${t.outputPerMuWan} >= 0)`),
		check('plots_disposal_flag_check', sql`${t.disposalMethod} IS NULL OR ${t.isIdle} OR ${t.isLowEfficiency}`)
	]
);

/** Industries a plot is suited to. */
export const plotIndustries = pgTable(
	'plot_industries',
	{
		plotId: integer('plot_id')
			.notNull()
			.references(() => plots.id, { onDelete: 'cascade' }),
		industryId: integer('industry_id')
			.notNull()
			.references(() => industries.id)
	},
	(t) => [primaryKey({ columns: [t.plotId, t.industryId] })]
);

/**
 * An idle or low-efficiency land case (闲置低效用地处置): found by the legal test or the
 * thresholds as *suspected*, then moved on by staff — investigate, confirm (认定) or dismiss,
 * dispose (method, officer, deadline, steps), complete. At most one open case per plot and kind.
 */
export const landCases = pgTable(
	'land_cases',
	{
		id: serial('id').primaryKey(),
		plotId: integer('plot_id')
			.notNull()
			.references(() => plots.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		stage: text('stage').notNull(),
		/** Why it was suspected: the verdict of the test on the day it was found (reason, dates, figures). */
		grounds: jsonb('grounds').notNull().default({}),
		/** The plot's area when the case last moved (frozen when it is disposed). */
		areaM2: doublePrecision('area_m2').notNull(),
		detectedOn: date('detected_on').notNull(),
		/** 认定 or dismissal: the day and the reason given. */
		decidedOn: date('decided_on'),
		decision: text('decision'),
		method: text('method'),
		officer: text('officer'),
		deadline: date('deadline'),
		/** The disposal's steps, in order: { text, done }. */
		steps: jsonb('steps').$type<{ text: string; done: boolean }[]>().notNull().default([]),
		completedOn: date('completed_on'),
		/** What completing it came to (the outcome in words). */
		outcome: text('outcome'),
		version: version(),
		createdAt: created(),
		updatedAt: updated()
	},
	(t) => [
		uniqueIndex('land_cases_open_key')
			.on(t.plotId, t.kind)
			.where(sql`stage NOT IN ('dismissed', 'disposed')`),
		index('land_cases_stage_idx').on(t.stage),
		check('land_cases_kind_check', oneOf('kind', CASE_KINDS)),
		check('land_cases_stage_check', oneOf('stage', CASE_STAGES)),
		check('land_cases_method_check', sql`method IS NULL OR ${oneOf('method', DISPOSAL_METHODS)}`),
		check('land_cases_area_check', sql`${t.areaM2} > 0`),
		check('land_cases_decided_check', sql`${t.stage} IN ('suspected', 'investigating') OR ${t.decidedOn} IS NOT NULL`),
		check('land_cases_disposal_check', sql`${t.stage} NOT IN ('disposing', 'disposed') OR (${t.method} IS NOT NULL AND ${t.deadline} IS NOT NULL)`),
		check('land_cases_completed_check', sql`(${t.stage} = 'disposed') = (${t.completedOn} IS NOT NULL)`)
	]
);

// ---------------------------------------------------------------- buildings

export const buildings = pgTable(
	'buildings',
	{
		id: serial('id').primaryKey(),
		code: text('code').notNull().unique(),
		parkId: integer('park_id').references(() => parks.id),
		plotId: integer('plot_id').references(() => plots.id),
		nameZh: text('name_zh').notNull(),
		nameEn: text('name_en').notNull(),
		footprint: geometry('footprint', 'MultiPolygon').notNull(),
		kind: text('kind').notNull(),
		floors: smallint('floors').notNull(),
		grossAreaM2: doublePrecision('gross_area_m2').notNull(),
		leasableAreaM2: doublePrecision('leasable_area_m2').notNull(),
		/** Used only when the building has no units; otherwise occupancy is derived from units. */
		leasedAreaM2: doublePrecision('leased_area_m2'),
		/** building_occupancy's vacant area and rate, kept by triggers on buildings and units (migration 0014) for tiles and the heat map. */
		vacantM2: doublePrecision('vacant_m2'),
		occupancyRate: doublePrecision('occupancy_rate'),
		/** As plots.near_m, from the footprint. */
		nearM: doublePrecision('near_m').array(),
		rentYuanPerM2Day: doublePrecision('rent_yuan_per_m2_day'),
		ownerName: text('owner_name').notNull(),
		operatorName: text('operator_name'),
		businessFormats: text('business_formats')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		taxTier: text('tax_tier').notNull().default('none'),
		/** The tenants' annual tax, 万元 (the tier follows from it when it is known). */
		annualTaxWan: doublePrecision('annual_tax_wan'),
		/** The officer in charge of the building (楼长) and how to reach them. */
		managerName: text('manager_name'),
		managerPhone: text('manager_phone'),
		completedYear: smallint('completed_year'),
		published: boolean('published').notNull().default(false),
		/** Retired: kept with its history, off the public map, restorable. */
		retiredAt: timestamp('retired_at', { withTimezone: true }),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
		version: version(),
		createdAt: created(),
		updatedAt: updated()
	},
	(t) => [
		index('buildings_footprint_gist').using('gist', t.footprint),
		index('buildings_finder_idx')
			.on(t.kind, t.vacantM2, t.rentYuanPerM2Day, t.occupancyRate, t.confirmedAt, t.parkId, t.id, t.code, t.nearM)
			.where(sql`published`),
		check('buildings_retired_check', sql`${t.retiredAt} IS NULL OR NOT ${t.published}`),
		check('buildings_kind_check', oneOf('kind', BUILDING_KINDS)),
		check('buildings_tax_tier_check', oneOf('tax_tier', TAX_TIERS)),
		check('buildings_floors_check', sql`${t.floors} BETWEEN 1 AND 200`),
		check('buildings_area_check', sql`${t.grossAreaM2} > 0 AND ${t.leasableAreaM2} > 0 AND ${t.leasableAreaM2} <= ${t.grossAreaM2}`),
		check('buildings_leased_check', sql`${t.leasedAreaM2} IS NULL OR (${t.leasedAreaM2} >= 0 AND ${t.leasedAreaM2} <= ${t.leasableAreaM2})`),
		check('buildings_rent_check', sql`${t.rentYuanPerM2Day} IS NULL OR ${t.rentYuanPerM2Day} >= 0`),
		check('buildings_tax_check', sql`${t.annualTaxWan} IS NULL OR ${t.annualTaxWan} >= 0`)
	]
);

/**
 * A building's month (楼宇月度台账): its vacant, reserved and leased area, tenants and tax as
 * they stood at the end of the month — written by the transaction that changes its units, and
 * by the monthly pass for buildings nothing changed in.
 */
export const buildingMonths = pgTable(
	'building_months',
	{
		buildingId: integer('building_id')
			.notNull()
			.references(() => buildings.id, { onDelete: 'cascade' }),
		/** The first day of the month. */
		month: date('month').notNull(),
		leasableM2: doublePrecision('leasable_m2').notNull(),
		leasedM2: doublePrecision('leased_m2').notNull(),
		reservedM2: doublePrecision('reserved_m2').notNull(),
		vacantM2: doublePrecision('vacant_m2').notNull(),
		tenants: integer('tenants').notNull(),
		taxWan: doublePrecision('tax_wan'),
		updatedAt: updated()
	},
	(t) => [
		primaryKey({ columns: [t.buildingId, t.month] }),
		index('building_months_month_idx').on(t.month),
		check('building_months_month_check', sql`extract(day from ${t.month}) = 1`),
		check('building_months_area_check', sql`${t.leasableM2} >= 0 AND ${t.leasedM2} >= 0 AND ${t.reservedM2} >= 0 AND ${t.vacantM2} >= 0 AND ${t.tenants} >= 0`)
	]
);

export const units = pgTable(
	'units',
	{
		id: serial('id').primaryKey(),
		buildingId: integer('building_id')
			.notNull()
			.references(() => buildings.id, { onDelete: 'cascade' }),
		floor: smallint('floor').notNull(),
		unitNo: text('unit_no').notNull(),
		areaM2: doublePrecision('area_m2').notNull(),
		status: text('status').notNull(),
		tenantIndustryId: integer('tenant_industry_id').references(() => industries.id),
		version: version(),
		updatedAt: updated()
	},
	(t) => [
		unique('units_building_floor_unit_key').on(t.buildingId, t.floor, t.unitNo),
		check('units_status_check', oneOf('status', UNIT_STATUSES)),
		check('units_area_check', sql`${t.areaM2} > 0`),
		check('units_floor_check', sql`${t.floor} BETWEEN -5 AND 200 AND ${t.floor} <> 0`)
	]
);

// ---------------------------------------------------------------- enterprises, facilities, roads

export const enterprises = pgTable(
	'enterprises',
	{
		id: serial('id').primaryKey(),
		nameZh: text('name_zh').notNull(),
		nameEn: text('name_en').notNull(),
		industryId: integer('industry_id')
			.notNull()
			.references(() => industries.id),
		chainLinkId: integer('chain_link_id').references(() => chainLinks.id),
		plotId: integer('plot_id').references(() => plots.id),
		buildingId: integer('building_id').references(() => buildings.id),
		location: geometry('location', 'Point').notNull(),
		employees: integer('employees'),
		outputBand: text('output_band'),
		taxBand: text('tax_band'),
		marks: text('marks')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		published: boolean('published').notNull().default(true),
		createdAt: created()
	},
	(t) => [
		index('enterprises_location_gist').using('gist', t.location),
		check('enterprises_employees_check', sql`${t.employees} IS NULL OR ${t.employees} >= 0`),
		check('enterprises_output_band_check', sql`output_band IS NULL OR ${oneOf('output_band', ENTERPRISE_BANDS)}`),
		check('enterprises_tax_band_check', sql`tax_band IS NULL OR ${oneOf('tax_band', ENTERPRISE_BANDS)}`),
		check('enterprises_site_check', sql`NOT (${t.plotId} IS NOT NULL AND ${t.buildingId} IS NOT NULL)`)
	]
);

export const facilities = pgTable(
	'facilities',
	{
		id: serial('id').primaryKey(),
		code: text('code').notNull().unique(),
		kind: text('kind').notNull(),
		nameZh: text('name_zh').notNull(),
		nameEn: text('name_en').notNull(),
		location: geometry('location', 'Point').notNull(),
		published: boolean('published').notNull().default(true),
		/** Retired: kept with its history, off the map and out of proximity search, restorable. */
		retiredAt: timestamp('retired_at', { withTimezone: true }),
		version: version(),
		updatedAt: updated()
	},
	(t) => [
		index('facilities_location_gist').using('gist', t.location),
		// The nearest facility on the spheroid, for the sites' distances (migration 0015).
		index('facilities_location_geog_gist').using('gist', sql`(${t.location}::geography)`),
		check('facilities_kind_check', oneOf('kind', FACILITY_KINDS)),
		check('facilities_retired_check', sql`${t.retiredAt} IS NULL OR NOT ${t.published}`)
	]
);

export const roads = pgTable(
	'roads',
	{
		id: serial('id').primaryKey(),
		nameZh: text('name_zh').notNull().default(''),
		nameEn: text('name_en').notNull().default(''),
		/** The road's id in the survey it was imported from; imports are idempotent by it. */
		code: text('code').unique(),
		roadClass: text('road_class').notNull(),
		oneway: boolean('oneway').notNull().default(false),
		speedKmh: smallint('speed_kmh').notNull(),
		geom: geometry('geom', 'LineString').notNull(),
		lengthM: doublePrecision('length_m').notNull(),
		version: version(),
		updatedAt: updated()
	},
	(t) => [
		index('roads_geom_gist').using('gist', t.geom),
		check('roads_class_check', oneOf('road_class', ROAD_CLASSES)),
		check('roads_speed_check', sql`${t.speedKmh} BETWEEN 5 AND 130`),
		check('roads_length_check', sql`${t.lengthM} > 0`)
	]
);

// ---------------------------------------------------------------- users and audit

export const users = pgTable(
	'users',
	{
		id: serial('id').primaryKey(),
		email: text('email').notNull(),
		displayName: text('display_name').notNull(),
		passwordHash: text('password_hash').notNull(),
		role: text('role').notNull(),
		locale: text('locale').notNull().default('zh-CN'),
		active: boolean('active').notNull().default(true),
		/** A temporary password was set: the user must choose their own at the next sign-in. */
		mustChangePassword: boolean('must_change_password').notNull().default(false),
		lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
		createdAt: created()
	},
	(t) => [
		uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
		check('users_role_check', oneOf('role', ROLES)),
		check('users_locale_check', sql`${t.locale} IN ('zh-CN', 'en')`)
	]
);

export const userParks = pgTable(
	'user_parks',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		parkId: integer('park_id')
			.notNull()
			.references(() => parks.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.userId, t.parkId] })]
);

/**
 * An invitation (or a password reset): a one-time link whose token is stored only as its
 * SHA-256; it expires, and it is used at most once.
 */
export const invitations = pgTable(
	'invitations',
	{
		id: serial('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		purpose: text('purpose').notNull().default('invite'),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: created()
	},
	(t) => [index('invitations_user_idx').on(t.userId), check('invitations_purpose_check', sql`${t.purpose} IN ('invite', 'reset')`)]
);

/** A session; `id` is the SHA-256 of the cookie token, never the token itself. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: created()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** Failed sign-ins, for the per-account and per-address limits. */
export const signInFailures = pgTable(
	'sign_in_failures',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		email: text('email').notNull(),
		ipHash: text('ip_hash').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('sign_in_failures_email_idx').on(t.email, t.at), index('sign_in_failures_ip_idx').on(t.ipHash, t.at)]
);

/** Photos of parks, plots and buildings, stored in the database so both modes back them up alike. */
export const photos = pgTable(
	'photos',
	{
		id: serial('id').primaryKey(),
		siteKind: text('site_kind').notNull(),
		siteCode: text('site_code').notNull(),
		contentType: text('content_type').notNull(),
		bytes: customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' })('bytes').notNull(),
		caption: text('caption').notNull().default(''),
		uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: created()
	},
	(t) => [
		index('photos_site_idx').on(t.siteKind, t.siteCode),
		check('photos_site_kind_check', oneOf('site_kind', SITE_KINDS)),
		check('photos_content_type_check', sql`${t.contentType} IN ('image/jpeg', 'image/png', 'image/webp')`)
	]
);

export const auditEntries = pgTable(
	'audit_entries',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		action: text('action').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id').notNull(),
		before: jsonb('before'),
		after: jsonb('after'),
		/** The import (or its undo) that made this entry, if any. */
		importId: integer('import_id').references((): AnyPgColumn => imports.id),
		/** For undo entries: the import they undid. */
		undoOf: integer('undo_of').references((): AnyPgColumn => imports.id)
	},
	(t) => [
		index('audit_entries_entity_idx').on(t.entity, t.entityId),
		index('audit_entries_import_idx').on(t.importId),
		check('audit_entries_action_check', oneOf('action', AUDIT_ACTIONS))
	]
);

/**
 * The portal's own settings, one row: name, public contact, banner, freshness thresholds and
 * the basemap (see `lib/domain/settings`). `sample_data` says whether the sample zone was loaded.
 */
export const siteSettings = pgTable(
	'site_settings',
	{
		id: smallint('id').primaryKey().default(1),
		settings: jsonb('settings').notNull().default({}),
		sampleData: boolean('sample_data').notNull().default(false),
		/** The zone's low-efficiency thresholds (亩均税收, 亩均产值, 万元/亩/年); a park's own win. */
		minTaxPerMuWan: doublePrecision('min_tax_per_mu_wan'),
		minOutputPerMuWan: doublePrecision('min_output_per_mu_wan'),
		version: version(),
		updatedAt: updated()
	},
	(t) => [check('site_settings_one_row_check', sql`${t.id} = 1`)]
);

/** Per-layer data version; every write bumps it in the same transaction (tile ETags, caches). */
export const layerVersions = pgTable(
	'layer_versions',
	{
		layer: text('layer').primaryKey(),
		version: bigint('version', { mode: 'number' }).notNull().default(1),
		updatedAt: updated()
	},
	(_t) => [check('layer_versions_layer_check', oneOf('layer', LAYERS))]
);

/**
 * Published plots counted per cell of the Web Mercator tile grid at levels 9–16 (a cell of
 * level L is tile L/x/y): what a tile shows where it would hold too many plots to draw, and
 * how many plots a tile holds. Kept by a trigger on plots in the writing transaction
 * (migration 0014); `plot_cells_rebuild()` recomputes it.
 */
export const plotCells = pgTable(
	'plot_cells',
	{
		level: smallint('level').notNull(),
		x: integer('x').notNull(),
		y: integer('y').notNull(),
		plots: integer('plots').notNull().default(0),
		reserve: integer('reserve').notNull().default(0),
		available: integer('available').notNull().default(0),
		negotiating: integer('negotiating').notNull().default(0),
		signed: integer('signed').notNull().default(0),
		underConstruction: integer('under_construction').notNull().default(0),
		inProduction: integer('in_production').notNull().default(0),
		idle: integer('idle').notNull().default(0),
		lowEfficiency: integer('low_efficiency').notNull().default(0),
		availableM2: doublePrecision('available_m2').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.level, t.x, t.y] })]
);

/**
 * What each site adds to a heat metric (available land, vacant floor area, demand): its point in
 * EPSG:3857 and its value, so that a change moves exactly its own contribution. Kept by triggers
 * (migration 0014) with heat_cells.
 */
export const heatSources = pgTable(
	'heat_sources',
	{
		metric: text('metric').notNull(),
		source: text('source').notNull(),
		x: doublePrecision('x').notNull(),
		y: doublePrecision('y').notNull(),
		value: doublePrecision('value').notNull()
	},
	(t) => [primaryKey({ columns: [t.metric, t.source] }), index('heat_sources_xy_idx').on(t.metric, t.x, t.y)]
);

/** Heat metrics summed per hexagon (ST_Hexagon's i, j) at zooms 4–14, kept with heat_sources. */
export const heatCells = pgTable(
	'heat_cells',
	{
		metric: text('metric').notNull(),
		zoom: smallint('zoom').notNull(),
		i: integer('i').notNull(),
		j: integer('j').notNull(),
		value: doublePrecision('value').notNull(),
		sites: integer('sites').notNull()
	},
	(t) => [primaryKey({ columns: [t.metric, t.zoom, t.i, t.j] })]
);

/** The day a daily background job last ran, shared by every app instance (one run a day, not one per start). */
export const jobRuns = pgTable('job_runs', {
	job: text('job').primaryKey(),
	ranOn: date('ran_on').notNull()
});

// ---------------------------------------------------------------- investors and projects

export const enquiries = pgTable(
	'enquiries',
	{
		id: serial('id').primaryKey(),
		reference: text('reference').notNull().unique(),
		siteKind: text('site_kind').notNull(),
		plotId: integer('plot_id').references(() => plots.id),
		buildingId: integer('building_id').references(() => buildings.id),
		parkId: integer('park_id').references(() => parks.id),
		company: text('company').notNull(),
		contactName: text('contact_name').notNull(),
		contactEmail: text('contact_email'),
		contactPhone: text('contact_phone'),
		industryId: integer('industry_id').references(() => industries.id),
		spaceNeededM2: doublePrecision('space_needed_m2'),
		message: text('message').notNull().default(''),
		locale: text('locale').notNull().default('zh-CN'),
		status: text('status').notNull().default('new'),
		/** Who in the zone answers it (staff or an editor of the site's park). */
		ownerId: integer('owner_id').references((): AnyPgColumn => users.id, { onDelete: 'set null' }),
		lostReason: text('lost_reason'),
		/** When the status last moved, and when the investor was first contacted. */
		statusAt: timestamp('status_at', { withTimezone: true }).notNull().defaultNow(),
		contactedAt: timestamp('contacted_at', { withTimezone: true }),
		/** The project a won enquiry became. */
		projectId: integer('project_id').references((): AnyPgColumn => projects.id, { onDelete: 'set null' }),
		/** Salted hash of the sender's address, for the rate limit; the address itself is not kept. */
		sourceIpHash: text('source_ip_hash'),
		version: version(),
		createdAt: created(),
		updatedAt: updated()
	},
	(t) => [
		index('enquiries_source_idx').on(t.sourceIpHash, t.createdAt),
		index('enquiries_status_idx').on(t.status, t.createdAt),
		index('enquiries_project_idx').on(t.projectId),
		check('enquiries_site_kind_check', oneOf('site_kind', SITE_KINDS)),
		check('enquiries_status_check', oneOf('status', ENQUIRY_STATUSES)),
		check(
			'enquiries_lost_reason_check',
			sql`(${t.status} = 'lost') = (${t.lostReason} IS NOT NULL) AND (lost_reason IS NULL OR ${oneOf('lost_reason', ENQUIRY_LOST_REASONS)})`
		),
		check('enquiries_contact_check', sql`${t.contactEmail} IS NOT NULL OR ${t.contactPhone} IS NOT NULL`),
		check('enquiries_space_check', sql`${t.spaceNeededM2} IS NULL OR ${t.spaceNeededM2} > 0`)
	]
);

/** A note on an enquiry: what was said on a call, what was agreed. */
export const enquiryNotes = pgTable(
	'enquiry_notes',
	{
		id: serial('id').primaryKey(),
		enquiryId: integer('enquiry_id')
			.notNull()
			.references(() => enquiries.id, { onDelete: 'cascade' }),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: created()
	},
	(t) => [index('enquiry_notes_enquiry_idx').on(t.enquiryId), check('enquiry_notes_body_check', sql`length(${t.body}) BETWEEN 1 AND 4000`)]
);

/** A standing requirement: saved finder filters matched against sites now and on every change. */
export const requirements = pgTable(
	'requirements',
	{
		id: serial('id').primaryKey(),
		reference: text('reference').notNull().unique(),
		company: text('company').notNull(),
		contactName: text('contact_name').notNull(),
		contactEmail: text('contact_email').notNull(),
		filters: jsonb('filters').notNull(),
		locale: text('locale').notNull().default('zh-CN'),
		active: boolean('active').notNull().default(true),
		sourceIpHash: text('source_ip_hash'),
		createdAt: created()
	},
	(t) => [index('requirements_source_idx').on(t.sourceIpHash, t.createdAt)]
);

/**
 * Messages to investors: a standing requirement's match (one per requirement and site, written
 * in the transaction that found it) or a message to an enquiry's sender. A sender claims them
 * (FOR UPDATE SKIP LOCKED) and hands them to a mail transport; only the transport's acceptance
 * marks one sent, with its message id. Without a transport they stay pending.
 */
export const notificationOutbox = pgTable(
	'notification_outbox',
	{
		id: serial('id').primaryKey(),
		kind: text('kind').notNull().default('match'),
		requirementId: integer('requirement_id').references(() => requirements.id, { onDelete: 'cascade' }),
		enquiryId: integer('enquiry_id').references(() => enquiries.id, { onDelete: 'cascade' }),
		/** Who wrote it (a message to an enquiry's sender). */
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		siteKind: text('site_kind'),
		siteCode: text('site_code'),
		score: doublePrecision('score'),
		recipient: text('recipient').notNull(),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		createdAt: created(),
		/** A sender took the message (FOR UPDATE SKIP LOCKED): no other instance sends it meanwhile. */
		claimedAt: timestamp('claimed_at', { withTimezone: true }),
		status: text('status').notNull().default('pending'),
		attempts: smallint('attempts').notNull().default(0),
		lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
		/** The transport's answer to the last failed attempt (its code and text, never the recipient). */
		lastError: text('last_error'),
		/** The id the transport gave the accepted message. */
		messageId: text('message_id'),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [
		unique('notification_outbox_match_key').on(t.requirementId, t.siteKind, t.siteCode),
		index('notification_outbox_enquiry_idx').on(t.enquiryId),
		check('notification_outbox_kind_check', oneOf('kind', OUTBOX_KINDS)),
		check('notification_outbox_status_check', oneOf('status', OUTBOX_STATUSES)),
		check('notification_outbox_sent_check', sql`(${t.status} = 'sent') = (${t.sentAt} IS NOT NULL)`),
		check(
			'notification_outbox_source_check',
			sql`(${t.kind} = 'match' AND ${t.requirementId} IS NOT NULL AND ${t.siteKind} IN ('plot', 'building') AND ${t.siteCode} IS NOT NULL) OR (${t.kind} = 'enquiry' AND ${t.enquiryId} IS NOT NULL)`
		)
	]
);

/** Daily page views of public site pages (the "demand" heat metric). */
export const siteViews = pgTable(
	'site_views',
	{
		siteKind: text('site_kind').notNull(),
		siteCode: text('site_code').notNull(),
		day: date('day').notNull(),
		views: integer('views').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.siteKind, t.siteCode, t.day] }),
		check('site_views_site_kind_check', oneOf('site_kind', SITE_KINDS)),
		check('site_views_views_check', sql`${t.views} >= 0`)
	]
);

export const projects = pgTable(
	'projects',
	{
		id: serial('id').primaryKey(),
		nameZh: text('name_zh').notNull(),
		nameEn: text('name_en').notNull(),
		investorName: text('investor_name').notNull(),
		industryId: integer('industry_id').references(() => industries.id),
		chainLinkId: integer('chain_link_id').references(() => chainLinks.id),
		stage: text('stage').notNull(),
		/** The park it is in (the site's park, or the park that courts it while it has no site). */
		parkId: integer('park_id').references(() => parks.id),
		plotId: integer('plot_id').references(() => plots.id),
		buildingId: integer('building_id').references(() => buildings.id),
		investmentWan: doublePrecision('investment_wan'),
		fundsInPlaceWan: doublePrecision('funds_in_place_wan'),
		foreignCapitalUsd: doublePrecision('foreign_capital_usd'),
		leadAt: date('lead_at'),
		negotiationAt: date('negotiation_at'),
		signedAt: date('signed_at'),
		startedAt: date('started_at'),
		productionAt: date('production_at'),
		feedbackAt: date('feedback_at'),
		/** 项目服务经理 and 帮包领导. */
		officerName: text('officer_name').notNull().default(''),
		leaderName: text('leader_name').notNull().default(''),
		/** Milestones: [{text, due, done}]. */
		milestones: jsonb('milestones')
			.notNull()
			.default(sql`'[]'::jsonb`),
		/** The week of the last weekly update (一周一调度). */
		lastUpdateOn: date('last_update_on'),
		notes: text('notes').notNull().default(''),
		version: version(),
		createdAt: created(),
		updatedAt: updated()
	},
	(t) => [
		index('projects_stage_idx').on(t.stage),
		check('projects_stage_check', oneOf('stage', PROJECT_STAGES)),
		check(
			'projects_money_check',
			sql`(${t.investmentWan} IS NULL OR ${t.investmentWan} >= 0) AND (${t.fundsInPlaceWan} IS NULL OR ${t.fundsInPlaceWan} >= 0) AND (${t.foreignCapitalUsd} IS NULL OR ${t.foreignCapitalUsd} >= 0)`
		),
		check('projects_site_check', sql`NOT (${t.plotId} IS NOT NULL AND ${t.buildingId} IS NOT NULL)`)
	]
);

/** 问题清单: a problem a project has, who solves it and by when. */
export const projectProblems = pgTable(
	'project_problems',
	{
		id: serial('id').primaryKey(),
		projectId: integer('project_id')
			.notNull()
			.references(() => projects.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		owner: text('owner').notNull(),
		dueOn: date('due_on').notNull(),
		resolvedOn: date('resolved_on'),
		createdAt: created()
	},
	(t) => [index('project_problems_project_idx').on(t.projectId)]
);

/** 一周一调度: one short update per project and week (the Monday), written again to correct it. */
export const projectUpdates = pgTable(
	'project_updates',
	{
		id: serial('id').primaryKey(),
		projectId: integer('project_id')
			.notNull()
			.references(() => projects.id, { onDelete: 'cascade' }),
		weekOf: date('week_of').notNull(),
		progress: text('progress').notNull(),
		nextSteps: text('next_steps').notNull().default(''),
		/** The project's funds in place that week, 万元 (cumulative). */
		fundsInPlaceWan: doublePrecision('funds_in_place_wan'),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: created()
	},
	(t) => [unique('project_updates_week_key').on(t.projectId, t.weekOf), check('project_updates_monday_check', sql`extract(isodow from ${t.weekOf}) = 1`)]
);

/** 招商目录: a firm to attract to a chain link — where it is, why it fits, who courts it, how far. */
export const targetFirms = pgTable(
	'target_firms',
	{
		id: serial('id').primaryKey(),
		chainLinkId: integer('chain_link_id')
			.notNull()
			.references(() => chainLinks.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		location: text('location').notNull().default(''),
		reason: text('reason').notNull().default(''),
		owner: text('owner').notNull().default(''),
		status: text('status').notNull().default('listed'),
		version: version(),
		createdAt: created(),
		updatedAt: updated()
	},
	(t) => [index('target_firms_link_idx').on(t.chainLinkId), check('target_firms_status_check', oneOf('status', TARGET_FIRM_STATUSES))]
);

/**
 * 招商推介方案: the sites, comparison, tour and parks staff put together for a delegation,
 * shared as a private page (an unguessable token plus an access code kept as a hash),
 * optionally expiring, revocable.
 */
export const proposals = pgTable(
	'proposals',
	{
		id: serial('id').primaryKey(),
		title: text('title').notNull(),
		delegation: text('delegation').notNull().default(''),
		intro: text('intro').notNull().default(''),
		/** [{kind: 'plot'|'building', code}] in the order shown. */
		sites: jsonb('sites')
			.notNull()
			.default(sql`'[]'::jsonb`),
		tourId: integer('tour_id').references(() => tours.id, { onDelete: 'set null' }),
		contactName: text('contact_name').notNull().default(''),
		contactPhone: text('contact_phone').notNull().default(''),
		contactEmail: text('contact_email').notNull().default(''),
		locale: text('locale').notNull().default('zh-CN'),
		token: text('token').notNull().unique(),
		codeHash: text('code_hash').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		/** Wrong access codes in the current window: after 10 in 15 minutes the link answers 429 for a while. */
		failedCodes: smallint('failed_codes').notNull().default(0),
		failedSince: timestamp('failed_since', { withTimezone: true }),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		version: version(),
		createdAt: created(),
		updatedAt: updated()
	},
	(t) => [check('proposals_locale_check', sql`${t.locale} IN ('zh-CN', 'en')`)]
);

/** Views of a shared proposal per day: a count, nothing about who looked. */
export const proposalViews = pgTable(
	'proposal_views',
	{
		proposalId: integer('proposal_id')
			.notNull()
			.references(() => proposals.id, { onDelete: 'cascade' }),
		day: date('day').notNull(),
		views: integer('views').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.proposalId, t.day] })]
);

/**
 * What investors looked for, as counts only: finder searches per week by industry, area band,
 * land use and area of interest (a 0.02° cell of the searched area's centre, '' when none),
 * and whether anything was found. No address, identity or query text is kept.
 */
export const searchDemand = pgTable(
	'search_demand',
	{
		weekOf: date('week_of').notNull(),
		industry: text('industry').notNull().default(''),
		areaBand: text('area_band').notNull().default(''),
		landUse: text('land_use').notNull().default(''),
		cell: text('cell').notNull().default(''),
		found: boolean('found').notNull(),
		searches: integer('searches').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.weekOf, t.industry, t.areaBand, t.landUse, t.cell, t.found] }),
		check('search_demand_searches_check', sql`${t.searches} >= 0`)
	]
);

// ---------------------------------------------------------------- tours

export const tours = pgTable(
	'tours',
	{
		id: serial('id').primaryKey(),
		title: text('title').notNull(),
		delegationOrg: text('delegation_org').notNull().default(''),
		delegationSize: smallint('delegation_size'),
		/** Who leads the delegation and how to reach them (staff-only; never on the shared page). */
		delegationContact: text('delegation_contact').notNull().default(''),
		tourDate: date('tour_date'),
		startTime: text('start_time').notNull().default('09:00'),
		/** Lunch is taken after the stop at this 0-based position; null: no lunch break. */
		lunchAfterStop: smallint('lunch_after_stop'),
		lunchMin: smallint('lunch_min').notNull().default(60),
		route: geometry('route', 'LineString'),
		/** Per leg: distance, driving time and the range of `route` vertices it covers. */
		legs: jsonb('legs')
			.notNull()
			.default(sql`'[]'::jsonb`),
		/** True when the route fell back to straight legs (no road data). */
		estimated: boolean('estimated').notNull().default(false),
		distanceM: doublePrecision('distance_m'),
		durationS: doublePrecision('duration_s'),
		shareToken: text('share_token').unique(),
		shareExpiresAt: timestamp('share_expires_at', { withTimezone: true }),
		/** The shared page shows the delegation's name (staff choose it when sharing); hidden by default. */
		shareShowsDelegation: boolean('share_shows_delegation').notNull().default(false),
		createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
		version: version(),
		createdAt: created(),
		updatedAt: updated()
	},
	(t) => [
		index('tours_route_gist').using('gist', t.route),
		check('tours_start_time_check', sql`${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
		check('tours_size_check', sql`${t.delegationSize} IS NULL OR ${t.delegationSize} > 0`),
		check('tours_lunch_check', sql`${t.lunchMin} BETWEEN 0 AND 240 AND (${t.lunchAfterStop} IS NULL OR ${t.lunchAfterStop} >= 0)`)
	]
);

export const tourStops = pgTable(
	'tour_stops',
	{
		id: serial('id').primaryKey(),
		tourId: integer('tour_id')
			.notNull()
			.references(() => tours.id, { onDelete: 'cascade' }),
		seq: smallint('seq').notNull(),
		siteKind: text('site_kind').notNull(),
		plotId: integer('plot_id').references(() => plots.id),
		buildingId: integer('building_id').references(() => buildings.id),
		facilityId: integer('facility_id').references(() => facilities.id),
		location: geometry('location', 'Point').notNull(),
		label: text('label').notNull(),
		dwellMin: smallint('dwell_min').notNull().default(20),
		notes: text('notes').notNull().default(''),
		/** Who receives the delegation on site; the park's public contact when empty. */
		contact: text('contact').notNull().default('')
	},
	(t) => [
		unique('tour_stops_tour_seq_key').on(t.tourId, t.seq),
		index('tour_stops_location_gist').using('gist', t.location),
		check('tour_stops_site_kind_check', sql`${t.siteKind} IN ('plot', 'building', 'facility', 'point')`),
		check('tour_stops_dwell_check', sql`${t.dwellMin} BETWEEN 0 AND 600`)
	]
);

/**
 * A committed import: who, when, which file (name, size, SHA-256), into which layer and park,
 * read in which CRS and encoding, and what it did. Its audit entries carry its id, which is
 * what undo walks back.
 */
export const imports = pgTable(
	'imports',
	{
		id: serial('id').primaryKey(),
		userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
		layer: text('layer').notNull(),
		parkId: integer('park_id').references(() => parks.id),
		fileName: text('file_name').notNull(),
		fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
		fileSha256: text('file_sha256').notNull(),
		format: text('format').notNull(),
		crs: text('crs'),
		encoding: text('encoding'),
		options: jsonb('options').notNull().default({}),
		counts: jsonb('counts').notNull().default({}),
		status: text('status').notNull().default('committed'),
		createdAt: created(),
		undoneAt: timestamp('undone_at', { withTimezone: true }),
		undoneBy: integer('undone_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [
		index('imports_created_idx').on(t.createdAt),
		check('imports_status_check', sql`${t.status} IN ('committed', 'undone')`),
		check('imports_layer_check', sql`${t.layer} IN ('plots', 'parks', 'buildings', 'units', 'facilities', 'roads')`)
	]
);
