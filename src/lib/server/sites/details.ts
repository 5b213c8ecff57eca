/**
 * Key facts of one published map feature, for the map's side panel. Only published
 * records are returned, and never personal contact data of tenants: the contact
 * shown for a site is its park's public investment contact.
 */
import { m2ToMu, roundTo } from '../../domain/units';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { dateOnly, iso, num, parseJson } from '../db/values';

import type {
	BuildingDetails,
	FacilityDetails,
	FeatureDetails,
	FeatureLayer,
	MapLabel,
	Named,
	ParkContact,
	ParkDetails,
	PlotDetails
} from '../../domain/site-details';

export { FEATURE_LAYERS, type FeatureLayer, type FeatureDetails } from '../../domain/site-details';

const located = (geom: ReturnType<typeof sql.raw>) => sql`
	json_build_array(ST_X(ST_PointOnSurface(${geom})), ST_Y(ST_PointOnSurface(${geom}))) as label_point,
	json_build_array(ST_XMin(${geom}), ST_YMin(${geom}), ST_XMax(${geom}), ST_YMax(${geom})) as bbox`;

/** A feature by its code, or by its numeric row id (from a tile) when asked for that explicitly. */
export type FeatureKey = { code: string } | { id: number };

/** Looks up a published feature's details by code, or by row id. */
export async function getFeatureDetails(database: Database, layer: FeatureLayer, ref: FeatureKey | string): Promise<FeatureDetails | null> {
	const k = typeof ref === 'string' ? { code: ref } : ref;
	const byId = 'id' in k;
	const key = 'id' in k ? k.id : k.code;
	switch (layer) {
		case 'plots':
			return plotDetails(database, byId, key);
		case 'buildings':
			return buildingDetails(database, byId, key);
		case 'parks':
			return parkDetails(database, byId, key);
		case 'facilities':
			return facilityDetails(database, byId, key);
	}
}

const where = (alias: string, byId: boolean, key: string | number) => (byId ? sql`${sql.raw(alias)}.id = ${key}` : sql`${sql.raw(alias)}.code = ${key}`);

const parkContactCols = sql`pk.code as park_code, pk.name_zh as park_name_zh, pk.name_en as park_name_en,
	pk.operator_zh, pk.operator_en, pk.contact_name as park_contact_name, pk.contact_phone as park_contact_phone,
	pk.contact_email as park_contact_email`;

function parkContact(r: Record<string, unknown>): Named & ParkContact {
	return {
		code: String(r.park_code),
		nameZh: String(r.park_name_zh),
		nameEn: String(r.park_name_en),
		operatorZh: String(r.operator_zh),
		operatorEn: String(r.operator_en),
		contactName: (r.park_contact_name as string) ?? null,
		contactPhone: (r.park_contact_phone as string) ?? null,
		contactEmail: (r.park_contact_email as string) ?? null
	};
}

/**
 * A plot row's land facts, read the same way for the public details and the editor's snapshot
 * (which the audit log keeps): area, use, supply status, planning limits, price, readiness,
 * idle-land flags, dates and when it was last confirmed.
 */
export function plotAttributesOf(r: Record<string, unknown>) {
	return {
		areaM2: Number(r.area_m2),
		landUse: String(r.land_use),
		supplyStatus: String(r.supply_status),
		plotRatioMin: num(r.plot_ratio_min),
		plotRatioMax: num(r.plot_ratio_max),
		buildingDensityMax: num(r.building_density_max),
		greenRatioMax: num(r.green_ratio_max),
		heightLimitM: num(r.height_limit_m),
		leaseTermYears: num(r.lease_term_years),
		priceWanPerMu: num(r.price_wan_per_mu),
		readiness: String(r.readiness),
		readinessItems: (r.readiness_items as string[]) ?? [],
		availableFrom: dateOnly(r.available_from),
		isIdle: Boolean(r.is_idle),
		isLowEfficiency: Boolean(r.is_low_efficiency),
		disposalMethod: (r.disposal_method as string) ?? null,
		disposalDeadline: dateOnly(r.disposal_deadline),
		confirmedAt: iso(r.confirmed_at)!
	};
}

async function plotDetails(database: Database, byId: boolean, key: string | number): Promise<PlotDetails | null> {
	const [r] = await database.rows<Record<string, unknown>>(sql`
		select p.*, ${parkContactCols}, ${located(sql.raw('p.boundary'))},
			coalesce((select json_agg(json_build_object('code', i.code, 'nameZh', i.name_zh, 'nameEn', i.name_en) order by i.sort_order)
				from plot_industries pi join industries i on i.id = pi.industry_id where pi.plot_id = p.id), '[]'::json) as industries_json
		from plots p join parks pk on pk.id = p.park_id
		where ${where('p', byId, key)} and p.published`);
	if (!r) return null;
	return {
		layer: 'plots',
		id: Number(r.id),
		code: String(r.code),
		park: parkContact(r),
		...plotAttributesOf(r),
		industries: parseJson<Named[]>(r.industries_json),
		taxPerMuWan: num(r.tax_per_mu_wan),
		outputPerMuWan: num(r.output_per_mu_wan),
		labelPoint: parseJson(r.label_point),
		bbox: parseJson(r.bbox)
	};
}

async function buildingDetails(database: Database, byId: boolean, key: string | number): Promise<BuildingDetails | null> {
	const [r] = await database.rows<Record<string, unknown>>(sql`
		select b.*, ${parkContactCols}, ${located(sql.raw('b.footprint'))},
			o.leasable_m2 as occ_leasable, o.leased_m2 as occ_leased, o.reserved_m2 as occ_reserved, o.vacant_m2 as occ_vacant, o.rate as occ_rate,
			(select json_build_object('total', count(*), 'vacant', count(*) filter (where u.status = 'vacant'),
				'reserved', count(*) filter (where u.status = 'reserved'), 'leased', count(*) filter (where u.status = 'leased'))
				from units u where u.building_id = b.id) as unit_counts
		from buildings b left join parks pk on pk.id = b.park_id
			cross join lateral building_occupancy(b.id, b.leasable_area_m2, b.leased_area_m2) o
		where ${where('b', byId, key)} and b.published`);
	if (!r) return null;
	const counts = parseJson<Record<'total' | 'vacant' | 'reserved' | 'leased', number | string>>(r.unit_counts);
	return {
		layer: 'buildings',
		id: Number(r.id),
		code: String(r.code),
		nameZh: String(r.name_zh),
		nameEn: String(r.name_en),
		kind: String(r.kind),
		park: r.park_code ? parkContact(r) : null,
		floors: Number(r.floors),
		grossAreaM2: Number(r.gross_area_m2),
		leasableAreaM2: Number(r.occ_leasable),
		leasedAreaM2: Number(r.occ_leased),
		reservedAreaM2: Number(r.occ_reserved),
		vacantAreaM2: Number(r.occ_vacant),
		occupancy: Number(r.occ_rate),
		rentYuanPerM2Day: num(r.rent_yuan_per_m2_day),
		ownerName: String(r.owner_name),
		operatorName: (r.operator_name as string) ?? null,
		businessFormats: (r.business_formats as string[]) ?? [],
		taxTier: String(r.tax_tier),
		units: { total: Number(counts.total), vacant: Number(counts.vacant), reserved: Number(counts.reserved), leased: Number(counts.leased) },
		confirmedAt: iso(r.confirmed_at)!,
		labelPoint: parseJson(r.label_point),
		bbox: parseJson(r.bbox)
	};
}

async function parkDetails(database: Database, byId: boolean, key: string | number): Promise<ParkDetails | null> {
	const [r] = await database.rows<Record<string, unknown>>(sql`
		select pk.*, ${located(sql.raw('pk.boundary'))},
			parent.code as parent_code, parent.name_zh as parent_name_zh, parent.name_en as parent_name_en,
			coalesce((select json_agg(json_build_object('code', i.code, 'nameZh', i.name_zh, 'nameEn', i.name_en, 'leading', pi.is_leading)
				order by pi.is_leading desc, i.sort_order)
				from park_industries pi join industries i on i.id = pi.industry_id where pi.park_id = pk.id), '[]'::json) as industries_json,
			coalesce((select json_agg(json_build_object('code', c.code, 'nameZh', c.name_zh, 'nameEn', c.name_en) order by c.id)
				from park_chains pc join chains c on c.id = pc.chain_id where pc.park_id = pk.id), '[]'::json) as chains_json,
			coalesce((select json_object_agg(s.supply_status, s.n) from (
				select p.supply_status, count(*) as n from plots p
				where p.published and (p.park_id = pk.id or ST_Within(ST_PointOnSurface(p.boundary), pk.boundary))
				group by p.supply_status) s), '{}'::json) as by_status,
			(select coalesce(sum(p.area_m2), 0) from plots p
				where p.published and p.supply_status = 'available'
				and (p.park_id = pk.id or ST_Within(ST_PointOnSurface(p.boundary), pk.boundary))) as available_m2,
			(select count(*) from enterprises e where e.published and ST_Within(e.location, pk.boundary)) as enterprises,
			(select json_build_object('year', d.year, 'targetMu', d.target_mu,
				-- Disposed: the area of the park's land cases completed in the target's year (as the disposal board counts it).
				'disposedM2', (select coalesce(sum(c.area_m2), 0) from land_cases c join plots cp on cp.id = c.plot_id
					where cp.park_id = pk.id and c.stage = 'disposed' and extract(year from c.completed_on) = d.year))
				from disposal_targets d where d.park_id = pk.id and d.target_mu is not null order by d.year desc limit 1) as target_json
		from parks pk left join parks parent on parent.id = pk.parent_id
		where ${where('pk', byId, key)} and pk.published`);
	if (!r) return null;
	const byStatus = parseJson<Record<string, number | string>>(r.by_status);
	return {
		layer: 'parks',
		id: Number(r.id),
		code: String(r.code),
		nameZh: String(r.name_zh),
		nameEn: String(r.name_en),
		kind: String(r.kind),
		parent: r.parent_code ? { code: String(r.parent_code), nameZh: String(r.parent_name_zh), nameEn: String(r.parent_name_en) } : null,
		areaM2: Number(r.area_m2),
		operatorZh: String(r.operator_zh),
		operatorEn: String(r.operator_en),
		contactName: (r.contact_name as string) ?? null,
		contactPhone: (r.contact_phone as string) ?? null,
		contactEmail: (r.contact_email as string) ?? null,
		profileZh: String(r.profile_zh),
		profileEn: String(r.profile_en),
		industries: parseJson(r.industries_json),
		chains: parseJson(r.chains_json),
		plotsByStatus: Object.fromEntries(Object.entries(byStatus).map(([k, v]) => [k, Number(v)])),
		availableLandM2: Number(r.available_m2),
		enterprises: Number(r.enterprises),
		disposalTarget: r.target_json ? targetOf(parseJson(r.target_json)) : null,
		labelPoint: parseJson(r.label_point),
		bbox: parseJson(r.bbox)
	};
}

async function facilityDetails(database: Database, byId: boolean, key: string | number): Promise<FacilityDetails | null> {
	const [r] = await database.rows<Record<string, unknown>>(sql`
		select f.id, f.code, f.kind, f.name_zh, f.name_en, ${located(sql.raw('f.location'))}
		from facilities f where ${where('f', byId, key)} and f.published`);
	if (!r) return null;
	return {
		layer: 'facilities',
		id: Number(r.id),
		code: String(r.code),
		kind: String(r.kind),
		nameZh: String(r.name_zh),
		nameEn: String(r.name_en),
		labelPoint: parseJson(r.label_point),
		bbox: parseJson(r.bbox)
	};
}

/** Label anchors for parks and facilities (drawn as HTML labels: no glyph server is needed). */
export async function getMapLabels(database: Database): Promise<MapLabel[]> {
	const rows = await database.rows<Record<string, unknown>>(sql`
		select 'parks' as layer, id, code, kind, name_zh, name_en,
			ST_X(ST_PointOnSurface(boundary)) as lon, ST_Y(ST_PointOnSurface(boundary)) as lat
		from parks where published
		union all
		select 'facilities', id, code, kind, name_zh, name_en, ST_X(location), ST_Y(location)
		from facilities where published
		order by layer, id`);
	return rows.map((r) => ({
		layer: r.layer as MapLabel['layer'],
		id: Number(r.id),
		code: String(r.code),
		kind: String(r.kind),
		nameZh: String(r.name_zh),
		nameEn: String(r.name_en),
		point: [Number(r.lon), Number(r.lat)]
	}));
}

/** The extent of all published parks, [west, south, east, north], for the map's first view. */
export async function getZoneBounds(database: Database): Promise<[number, number, number, number] | null> {
	const [r] = await database.rows<{ w: number | null; s: number; e: number; n: number }>(sql`
		select ST_XMin(x) as w, ST_YMin(x) as s, ST_XMax(x) as e, ST_YMax(x) as n
		from (select ST_Extent(boundary)::geometry as x from parks where published) t`);
	if (!r || r.w === null) return null;
	return [Number(r.w), Number(r.s), Number(r.e), Number(r.n)];
}

/** A park's disposal target with its progress in 亩. */
function targetOf(t: { year: number; targetMu: number; disposedM2: number }) {
	return { year: t.year, targetMu: t.targetMu, disposedMu: roundTo(m2ToMu(Number(t.disposedM2)), 1) };
}
