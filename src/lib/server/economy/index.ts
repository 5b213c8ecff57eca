/**
 * The building economy (楼宇经济 · 一清单一张图): every office building, standard factory,
 * incubator and commercial building with its owner, operator, business formats, floors, areas,
 * vacancy and occupancy, rent, tenants by industry, the tenants' annual tax and its tier, tax
 * per m² and the officer in charge (楼长); the zone's figures against the year's 亿元楼宇 target;
 * the trend of each building and of the zone from the monthly rows. Staff see every park,
 * park editors theirs.
 */
import { sql } from 'drizzle-orm';
import type { TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireParkEditor, requireUser } from '../auth/permissions';
import { NotFoundError } from '../editing/errors';
import { dateOnly, num, pgArray } from '../db/values';
import { inVisibleParks } from '../auth/scope';
import { intList } from '../db/lists';
import { TENANTS } from './months';
import { HIGH_VACANCY, HIGH_VACANCY_MONTHS, monthOf, monthsUpTo, taxPerM2Yuan, taxTierOf } from '../../domain/building-economy';
import type { BuildingKind, TaxTier } from '../../domain/vocab';
import type { EconomyFilters } from '../../domain/ledger-schemas';

type Rows = Pick<TxHandle, 'rows'>;

export interface EconomyRow {
	id: number;
	code: string;
	nameZh: string;
	nameEn: string;
	parkCode: string;
	parkNameZh: string;
	parkNameEn: string;
	kind: BuildingKind;
	ownerName: string;
	operatorName: string | null;
	businessFormats: string[];
	floors: number;
	grossM2: number;
	leasableM2: number;
	vacantM2: number;
	reservedM2: number;
	occupancy: number;
	rent: number | null;
	tenants: number;
	byIndustry: { code: string; nameZh: string; nameEn: string; m2: number }[];
	annualTaxWan: number | null;
	taxTier: TaxTier;
	taxPerM2: number | null;
	managerName: string | null;
	managerPhone: string | null;
	published: boolean;
	/** Vacancy at or above the line for six months in a row: one for promotion. */
	highVacancy: boolean;
}

export type { EconomyFilters };

export interface EconomyZone {
	buildings: number;
	grossM2: number;
	leasableM2: number;
	vacantM2: number;
	occupancy: number;
	over100m: number;
	over50m: number;
	target100m: number | null;
	target50m: number | null;
	highVacancy: number;
}

export const ECONOMY_PAGE = 50;

const scopeOf = (user: SessionUser) => inVisibleParks(sql`b.park_id`, user);

/**
 * A building's figures (of `buildings b`, with `m` its row for this month): the month's row,
 * which the write that last changed the building wrote with `building_occupancy` — so the list
 * reads 5,000 rows, not half a million units; the live figures where the month has no row yet.
 */
const figure = (column: 'leasable_m2' | 'leased_m2' | 'reserved_m2' | 'vacant_m2') =>
	sql`case when m.building_id is null then (select o.${sql.raw(column)} from building_occupancy(b.id, b.leasable_area_m2, b.leased_area_m2) o) else m.${sql.raw(column)} end`;

async function rowsInScope(db: Rows, user: SessionUser, code?: string): Promise<EconomyRow[]> {
	const month = monthOf(new Date());
	const from = monthsUpTo(month, HIGH_VACANCY_MONTHS)[0];
	const rows = await db.rows<Record<string, unknown>>(sql`
		select x.*, case when x.leasable_m2 > 0 then x.leased_m2 / x.leasable_m2 else 0 end as rate
		from (
			select b.id, b.code, b.name_zh, b.name_en, k.code as park_code, k.name_zh as park_name_zh, k.name_en as park_name_en, b.kind,
				b.owner_name, b.operator_name, b.business_formats, b.floors, b.gross_area_m2,
				${figure('leasable_m2')} as leasable_m2, ${figure('leased_m2')} as leased_m2, ${figure('reserved_m2')} as reserved_m2,
				${figure('vacant_m2')} as vacant_m2, coalesce(m.tenants, ${TENANTS}) as tenants,
				b.rent_yuan_per_m2_day, b.annual_tax_wan, b.tax_tier, b.manager_name, b.manager_phone, b.published,
				-- persistentVacancy of domain/building-economy: each of the last months recorded, and high.
				(select count(*) = ${HIGH_VACANCY_MONTHS} and bool_and(h.leasable_m2 > 0 and h.vacant_m2 / h.leasable_m2 >= ${HIGH_VACANCY})
					from building_months h where h.building_id = b.id and h.month between ${from}::date and ${month}::date) as high_vacancy
			from buildings b join parks k on k.id = b.park_id
			left join building_months m on m.building_id = b.id and m.month = ${month}::date
			where b.retired_at is null ${scopeOf(user)} ${code ? sql`and b.code = ${code}` : sql``}
		) x`);
	return rows.map((r) => {
		const tax = num(r.annual_tax_wan);
		const gross = Number(r.gross_area_m2);
		return {
			id: Number(r.id),
			code: String(r.code),
			nameZh: String(r.name_zh),
			nameEn: String(r.name_en),
			parkCode: String(r.park_code),
			parkNameZh: String(r.park_name_zh),
			parkNameEn: String(r.park_name_en),
			kind: r.kind as BuildingKind,
			ownerName: String(r.owner_name),
			operatorName: (r.operator_name as string | null) ?? null,
			businessFormats: pgArray(r.business_formats),
			floors: Number(r.floors),
			grossM2: gross,
			leasableM2: Number(r.leasable_m2),
			vacantM2: Number(r.vacant_m2),
			reservedM2: Number(r.reserved_m2),
			occupancy: Number(r.rate),
			rent: num(r.rent_yuan_per_m2_day),
			tenants: Number(r.tenants),
			byIndustry: [],
			annualTaxWan: tax,
			taxTier: tax === null ? (r.tax_tier as TaxTier) : taxTierOf(tax),
			taxPerM2: taxPerM2Yuan(tax, gross),
			managerName: (r.manager_name as string | null) ?? null,
			managerPhone: (r.manager_phone as string | null) ?? null,
			published: Boolean(r.published),
			highVacancy: Boolean(r.high_vacancy)
		};
	});
}

/** The leased area of the buildings by their tenants' industry, largest first (for the rows shown). */
async function withIndustries(db: Rows, rows: EconomyRow[]): Promise<EconomyRow[]> {
	if (!rows.length) return rows;
	const found = await db.rows<{ building_id: number; code: string; name_zh: string; name_en: string; m2: number }>(sql`
		select u.building_id, i.code, i.name_zh, i.name_en, sum(u.area_m2) as m2
		from units u join industries i on i.id = u.tenant_industry_id
		where u.building_id in ${intList(rows.map((r) => r.id))} and u.status = 'leased'
		group by u.building_id, i.code, i.name_zh, i.name_en order by m2 desc`);
	return rows.map((r) => ({
		...r,
		byIndustry: found
			.filter((f) => Number(f.building_id) === r.id)
			.map((f) => ({ code: f.code, nameZh: f.name_zh, nameEn: f.name_en, m2: Math.round(Number(f.m2)) }))
	}));
}

const SORT_KEY: Record<EconomyFilters['sort'], (r: EconomyRow, zh: boolean) => string | number | null> = {
	name: (r, zh) => (zh ? r.nameZh : r.nameEn),
	park: (r) => r.parkCode,
	kind: (r) => r.kind,
	gross: (r) => r.grossM2,
	vacant: (r) => r.vacantM2,
	occupancy: (r) => r.occupancy,
	rent: (r) => r.rent,
	tenants: (r) => r.tenants,
	tax: (r) => r.annualTaxWan,
	tax_m2: (r) => r.taxPerM2
};

/** The list (filtered, sorted, paged) and the figures of the buildings the user sees. */
export async function economyOf(db: Rows, user: SessionUser | null, f: EconomyFilters, locale: 'zh-CN' | 'en' = 'zh-CN', pageSize = ECONOMY_PAGE) {
	const u = requireUser(user);
	const all = await rowsInScope(db, u);
	const year = new Date().getFullYear();
	const [t] = await db.rows<{ t100: unknown; t50: unknown }>(sql`
		select sum(buildings_over_100m) as t100, sum(buildings_over_50m) as t50 from disposal_targets d
		where d.year = ${year} ${inVisibleParks(sql`d.park_id`, u)}`);
	const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
	const leasable = sum(all.map((r) => r.leasableM2));
	const vacant = sum(all.map((r) => r.vacantM2));
	const leased = sum(all.map((r) => r.occupancy * r.leasableM2));
	const zone: EconomyZone = {
		buildings: all.length,
		grossM2: sum(all.map((r) => r.grossM2)),
		leasableM2: leasable,
		vacantM2: vacant,
		occupancy: leasable > 0 ? leased / leasable : 0,
		over100m: all.filter((r) => r.taxTier === 'over_100m').length,
		over50m: all.filter((r) => r.taxTier === 'over_100m' || r.taxTier === 'over_50m').length,
		target100m: num(t?.t100),
		target50m: num(t?.t50),
		highVacancy: all.filter((r) => r.highVacancy).length
	};
	const q = f.q.trim().toLowerCase();
	const zh = locale === 'zh-CN';
	const key = SORT_KEY[f.sort];
	const listed = all
		.filter((r) => !f.park || r.parkCode === f.park)
		.filter((r) => !f.kind || r.kind === f.kind)
		.filter((r) => !f.tier || r.taxTier === f.tier)
		.filter((r) => !f.highVacancy || r.highVacancy)
		.filter((r) => !q || [r.code, r.nameZh, r.nameEn, r.ownerName, r.operatorName ?? '', r.managerName ?? ''].some((s) => s.toLowerCase().includes(q)))
		.sort((a, b) => {
			const x = key(a, zh);
			const y = key(b, zh);
			// Unknown values sort last whichever way the list is sorted.
			if (x === null || y === null) return x === y ? a.code.localeCompare(b.code) : x === null ? 1 : -1;
			const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), locale);
			return (f.dir === 'asc' ? c : -c) || a.code.localeCompare(b.code);
		});
	const pages = Number.isFinite(pageSize) ? Math.ceil(listed.length / pageSize) || 1 : 1;
	const page = Math.max(1, Math.min(f.page, pages));
	const parks = [...new Map(all.map((r) => [r.parkCode, { code: r.parkCode, nameZh: r.parkNameZh, nameEn: r.parkNameEn }])).values()].sort((a, b) =>
		a.code.localeCompare(b.code)
	);
	return {
		zone,
		rows: await withIndustries(db, Number.isFinite(pageSize) ? listed.slice((page - 1) * pageSize, page * pageSize) : listed),
		total: listed.length,
		page,
		pageSize: Number.isFinite(pageSize) ? pageSize : listed.length,
		parks
	};
}
export type Economy = Awaited<ReturnType<typeof economyOf>>;

export interface MonthRow {
	month: string;
	leasableM2: number;
	leasedM2: number;
	reservedM2: number;
	vacantM2: number;
	tenants: number;
	taxWan: number | null;
}

const monthRow = (r: Record<string, unknown>): MonthRow => ({
	month: dateOnly(r.month)!,
	leasableM2: Number(r.leasable_m2),
	leasedM2: Number(r.leased_m2),
	reservedM2: Number(r.reserved_m2),
	vacantM2: Number(r.vacant_m2),
	tenants: Number(r.tenants),
	taxWan: num(r.tax_wan)
});

/** The zone's months (sums over the buildings the user sees), the last `n`. */
export async function zoneTrend(db: Rows, user: SessionUser | null, n = 24): Promise<MonthRow[]> {
	const u = requireUser(user);
	const from = monthsUpTo(monthOf(new Date()), n)[0];
	const rows = await db.rows<Record<string, unknown>>(sql`
		select m.month, sum(m.leasable_m2) as leasable_m2, sum(m.leased_m2) as leased_m2, sum(m.reserved_m2) as reserved_m2,
			sum(m.vacant_m2) as vacant_m2, sum(m.tenants)::int as tenants, sum(m.tax_wan) as tax_wan
		from building_months m join buildings b on b.id = m.building_id
		where m.month >= ${from}::date and b.retired_at is null ${scopeOf(u)}
		group by m.month order by m.month`);
	return rows.map(monthRow);
}

/** One building's row and its months, for a user of its park. */
export async function buildingTrend(db: Rows, user: SessionUser | null, code: string, n = 24): Promise<{ building: EconomyRow; months: MonthRow[] }> {
	const u = requireUser(user);
	const [b] = await db.rows<{ id: number; park_id: number }>(sql`select id, park_id from buildings where code = ${code}`);
	if (!b) throw new NotFoundError(`No building "${code}".`);
	requireParkEditor(u, Number(b.park_id));
	const [building] = await withIndustries(db, await rowsInScope(db, u, code));
	if (!building) throw new NotFoundError(`Building "${code}" is retired.`);
	const from = monthsUpTo(monthOf(new Date()), n)[0];
	const rows = await db.rows<Record<string, unknown>>(sql`
		select month, leasable_m2, leased_m2, reserved_m2, vacant_m2, tenants, tax_wan from building_months
		where building_id = ${b.id} and month >= ${from}::date order by month`);
	return { building, months: rows.map(monthRow) };
}

/** The buildings on the map: a point each, with what the map colours by. */
export async function economyMap(db: Rows, user: SessionUser | null) {
	const u = requireUser(user);
	const all = await rowsInScope(db, u);
	const pts = await db.rows<{ code: string; g: string }>(sql`
		select b.code, ST_AsGeoJSON(ST_PointOnSurface(b.footprint), 6) as g from buildings b where b.retired_at is null ${scopeOf(u)}`);
	const at = new Map(pts.map((p) => [p.code, JSON.parse(p.g)]));
	return {
		type: 'FeatureCollection' as const,
		features: all.map((r) => ({
			type: 'Feature' as const,
			properties: { code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, occupancy: r.occupancy, tier: r.taxTier, grossM2: r.grossM2, highVacancy: r.highVacancy },
			geometry: at.get(r.code)
		}))
	};
}
