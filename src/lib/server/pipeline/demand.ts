/**
 * What investors looked for, as counts only. Each finder search with an intent (an industry,
 * chain, land use or area asked for) adds one to its week's row by industry, area band, land
 * use and area of interest (a 0.02° cell of the searched area's centre), and whether anything
 * was found — the searches that found nothing are the unmet demand. No address, identity or
 * query text is stored. Staff read it by week, beside site-page views and enquiries.
 */
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireStaff } from '../auth/permissions';
import { dateOnly } from '../db/values';
import type { FinderQuery } from '../../domain/finder';
import { mondayOf } from '../../domain/pipeline';
import { areaBandOf, cellOf, hasIntent } from '../../domain/demand';

type Rows = Pick<TxHandle, 'rows'>;

/** Counts one search. Never fails the search it counts: a database hiccup loses one count, nothing else. */
export async function recordSearch(db: Pick<Database, 'rows'>, q: FinderQuery, found: boolean, today = new Date().toISOString().slice(0, 10)) {
	if (!hasIntent(q)) return;
	try {
		await db.rows(sql`
			insert into search_demand (week_of, industry, area_band, land_use, cell, found, searches)
			values (${mondayOf(today)}, ${q.industry ?? q.chain ?? ''}, ${q.kind === 'plot' ? areaBandOf(q) : 'building'}, ${[...q.landUse].sort().join(',')},
				${cellOf(q)}, ${found}, 1)
			on conflict (week_of, industry, area_band, land_use, cell, found) do update set searches = search_demand.searches + 1`);
	} catch (e) {
		console.warn(`[demand] a search was not counted: ${(e as Error).name}`);
	}
}

export interface DemandReport {
	weeks: { weekOf: string; searches: number; unmet: number; views: number; enquiries: number }[];
	byIndustry: { industry: string; searches: number; unmet: number; enquiries: number }[];
	byBand: { band: string; searches: number; unmet: number }[];
	byLandUse: { landUse: string; searches: number; unmet: number }[];
	byPark: { park: string; nameZh: string; nameEn: string; views: number; enquiries: number }[];
	unmet: { weekOf: string; industry: string; band: string; landUse: string; searches: number }[];
}

/** The last `weeks` weeks of demand, for staff. */
export async function demandReport(db: Rows, user: SessionUser | null, weeks = 12): Promise<DemandReport> {
	requireStaff(user);
	const since = sql`(date_trunc('week', current_date) - make_interval(weeks => ${weeks - 1}))::date`;
	const searchWeeks = await db.rows<Record<string, unknown>>(sql`
		select week_of, sum(searches)::int as searches, (sum(searches) filter (where not found))::int as unmet from search_demand
		where week_of >= ${since} group by week_of`);
	const viewWeeks = await db.rows<Record<string, unknown>>(sql`
		select date_trunc('week', day)::date as week_of, sum(views)::int as views from site_views where day >= ${since} group by 1`);
	const enquiryWeeks = await db.rows<Record<string, unknown>>(sql`
		select date_trunc('week', created_at)::date as week_of, count(*)::int as n from enquiries where created_at >= ${since} group by 1`);
	const start = (await db.rows<{ d: unknown }>(sql`select ${since} as d`))[0].d;
	const weeksOut: DemandReport['weeks'] = [];
	for (let i = 0; i < weeks; i++) {
		const w = new Date(Date.parse(`${dateOnly(start)}T00:00:00Z`) + i * 7 * 86_400_000).toISOString().slice(0, 10);
		const find = (rows: Record<string, unknown>[], col: string) => Number(rows.find((r) => dateOnly(r.week_of) === w)?.[col] ?? 0);
		weeksOut.push({
			weekOf: w,
			searches: find(searchWeeks, 'searches'),
			unmet: find(searchWeeks, 'unmet'),
			views: find(viewWeeks, 'views'),
			enquiries: find(enquiryWeeks, 'n')
		});
	}
	const group = (col: string) =>
		db.rows<Record<string, unknown>>(sql`
			select ${sql.identifier(col)} as k, sum(searches)::int as searches, coalesce(sum(searches) filter (where not found), 0)::int as unmet
			from search_demand where week_of >= ${since} and ${sql.identifier(col)} <> '' group by 1 order by 2 desc limit 30`);
	const enquiryIndustries = await db.rows<Record<string, unknown>>(sql`
		select i.code as k, count(*)::int as n from enquiries e join industries i on i.id = e.industry_id where e.created_at >= ${since} group by 1`);
	const industries = await group('industry');
	const byIndustry = industries.map((r) => ({
		industry: String(r.k),
		searches: Number(r.searches),
		unmet: Number(r.unmet),
		enquiries: Number(enquiryIndustries.find((e) => e.k === r.k)?.n ?? 0)
	}));
	for (const e of enquiryIndustries)
		if (!byIndustry.some((b) => b.industry === e.k)) byIndustry.push({ industry: String(e.k), searches: 0, unmet: 0, enquiries: Number(e.n) });
	const parks = await db.rows<Record<string, unknown>>(sql`
		select k.code, k.name_zh, k.name_en,
			coalesce((select sum(v.views) from site_views v
				left join plots p on v.site_kind = 'plot' and p.code = v.site_code left join buildings b on v.site_kind = 'building' and b.code = v.site_code
				where v.day >= ${since} and (coalesce(p.park_id, b.park_id) = k.id or (v.site_kind = 'park' and v.site_code = k.code))), 0)::int as views,
			(select count(*) from enquiries e left join plots p on p.id = e.plot_id left join buildings b on b.id = e.building_id
				where e.created_at >= ${since} and coalesce(p.park_id, b.park_id, e.park_id) = k.id)::int as enquiries
		from parks k order by k.code`);
	const unmet = await db.rows<Record<string, unknown>>(sql`
		select week_of, industry, area_band, land_use, sum(searches)::int as searches from search_demand
		where week_of >= ${since} and not found group by 1, 2, 3, 4 order by 1 desc, 5 desc limit 25`);
	return {
		weeks: weeksOut,
		byIndustry,
		byBand: (await group('area_band')).map((r) => ({ band: String(r.k), searches: Number(r.searches), unmet: Number(r.unmet) })),
		byLandUse: (await group('land_use')).map((r) => ({ landUse: String(r.k), searches: Number(r.searches), unmet: Number(r.unmet) })),
		byPark: parks.map((r) => ({
			park: String(r.code),
			nameZh: String(r.name_zh),
			nameEn: String(r.name_en),
			views: Number(r.views),
			enquiries: Number(r.enquiries)
		})),
		unmet: unmet.map((r) => ({
			weekOf: dateOnly(r.week_of)!,
			industry: String(r.industry),
			band: String(r.area_band),
			landUse: String(r.land_use),
			searches: Number(r.searches)
		}))
	};
}
