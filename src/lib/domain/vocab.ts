/**
 * Every controlled vocabulary of the domain, in one place. The database CHECK
 * constraints, validation and the UI's labels (see `$lib/i18n`) are all built
 * from these lists.
 */

export const INDUSTRY_GROUPS = ['leading', 'services', 'digital'] as const;
export type IndustryGroup = (typeof INDUSTRY_GROUPS)[number];

export const PARK_KINDS = ['industrial_park', 'park_in_park', 'urban_block', 'business_district'] as const;
export type ParkKind = (typeof PARK_KINDS)[number];

/** 用地性质 — land use classes used in the zone's plans. */
export const LAND_USES = ['industrial', 'logistics', 'commercial', 'office', 'research', 'mixed'] as const;
export type LandUse = (typeof LAND_USES)[number];

/** Supply life of a plot, in order: reserve → available → … → in production. */
export const SUPPLY_STATUSES = ['reserve', 'available', 'negotiating', 'signed', 'under_construction', 'in_production'] as const;
export type SupplyStatus = (typeof SUPPLY_STATUSES)[number];

/** 生地 (raw) / 熟地 (serviced). */
export const READINESS_LEVELS = ['raw', 'serviced'] as const;

/** 九通一平: nine utility connections and site levelling. */
export const READINESS_ITEMS = ['road', 'water_supply', 'drainage', 'power', 'telecom', 'gas', 'heating', 'cable_tv', 'broadband', 'levelled'] as const;
export type ReadinessItem = (typeof READINESS_ITEMS)[number];

/** How idle or low-efficiency land is being dealt with. */
/**
 * How idle or low-efficiency land is disposed of (闲置低效用地处置方式): urge the start, extend the
 * start date, levy the idle fee, change the use, swap the land, recover it against payment by
 * agreement or without compensation, revitalise it with a new project, redevelop it, transfer it.
 */
export const DISPOSAL_METHODS = [
	'urge_start',
	'extend_start',
	'idle_fee',
	'change_use',
	'swap',
	'paid_recovery',
	'recovery',
	'new_project',
	'redevelopment',
	'transfer'
] as const;
export type DisposalMethod = (typeof DISPOSAL_METHODS)[number];

export const BUILDING_KINDS = ['office', 'standard_factory', 'commercial', 'incubator'] as const;
export type BuildingKind = (typeof BUILDING_KINDS)[number];

/** 亿元楼宇 tiers by tenants' yearly tax. */
export const TAX_TIERS = ['none', 'over_10m', 'over_50m', 'over_100m'] as const;
export type TaxTier = (typeof TAX_TIERS)[number];

export const UNIT_STATUSES = ['vacant', 'reserved', 'leased'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const ENTERPRISE_BANDS = ['lt_10m', '10m_100m', '100m_1b', 'gt_1b'] as const;
export const ENTERPRISE_MARKS = ['listed', 'single_champion', 'fortune500_sub', 'high_tech', 'specialised_sme'] as const;

export const FACILITY_KINDS = [
	'port',
	'airport',
	'rail_station',
	'highway_exit',
	'university',
	'research_institute',
	'incubator',
	'government',
	'hotel'
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

export const ROAD_CLASSES = ['expressway', 'arterial', 'secondary', 'local'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

/** A road's speed when nobody says (km/h), by class: for roads drawn in the console and imported without one. */
export const DEFAULT_SPEED_KMH: Record<RoadClass, number> = { expressway: 80, arterial: 50, secondary: 40, local: 30 };

export const ROLES = ['admin', 'staff', 'park_editor'] as const;
export type Role = (typeof ROLES)[number];

export const SITE_KINDS = ['plot', 'building', 'park'] as const;
/** An enquiry's way through the inbox: new → contacted → visit arranged → negotiating → won or lost. */
export const ENQUIRY_STATUSES = ['new', 'contacted', 'visiting', 'negotiating', 'won', 'lost'] as const;
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number];
/** Why an enquiry was lost (one is required when it is). */
export const ENQUIRY_LOST_REASONS = ['no_fit', 'price', 'location', 'chose_elsewhere', 'no_response', 'postponed', 'other'] as const;
export type EnquiryLostReason = (typeof ENQUIRY_LOST_REASONS)[number];
/** What the outbox carries: a standing requirement's match, or a message to an enquiry's sender. */
export const OUTBOX_KINDS = ['match', 'enquiry'] as const;
/** pending: waiting for a transport (or a retry); sent: a transport accepted it; failed: refused for good. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
/** A firm on the 招商目录 (firms to attract to a chain link), from first listing to signed or dropped. */
export const TARGET_FIRM_STATUSES = ['listed', 'contacted', 'visited', 'negotiating', 'signed', 'dropped'] as const;
export type TargetFirmStatus = (typeof TARGET_FIRM_STATUSES)[number];

/** 项目全周期: lead → visit/negotiation → signed → construction → production → feedback. */
export const PROJECT_STAGES = ['lead', 'negotiation', 'signed', 'construction', 'production', 'feedback'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/** Map layers that have vector tiles and a data version. */
export const LAYERS = ['parks', 'plots', 'buildings', 'facilities', 'roads'] as const;
export type LayerName = (typeof LAYERS)[number];

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** What an audit entry says was done; the database refuses any other. */
export const AUDIT_ACTIONS = [
	'create',
	'update',
	'delete',
	'restore',
	'confirm',
	'retire',
	'merge',
	'investigate',
	'dismiss',
	'dispose',
	'complete',
	'move',
	'assign',
	'note',
	'message',
	'convert',
	'report',
	'problem',
	'resolve',
	'revoke',
	'export'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
