/**
 * The site finder. Filters, the score (score-sql.ts, equal to the pure `scoreSite`), the
 * ranking and the paging all run in SQL, every value a bound parameter; then one query reads
 * the page's sites in full, and `scoreSite` says their reasons. Candidates are read from a
 * covering index (plots_finder_idx, buildings_finder_idx), not the wide rows; the distance to
 * the nearest facility of a kind is kept on the row (near_m); chain fit (enterprises of the
 * investor's chain upstream and downstream of its link nearby) is a LATERAL join. Only
 * published records of published parks are ever returned, and records unconfirmed past the
 * freshness limit only when asked for.
 */
import { FACILITY_KINDS, type LandUse } from '../../domain/vocab';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { areaBoundsM2, DEFAULT_WITHIN_KM, finderParams, type FieldError, type FinderQuery } from '../../domain/finder';
import { publicAnswers } from '../cache/versioned';
import { CHAIN_FULL_MARKS, CHAIN_RADIUS_KM, scoreSite, type NamePair, type Reason, type SiteCandidate } from '../../domain/scoring';
import { freshness } from '../config';
import { getTaxonomy, type Taxonomy } from './taxonomy';
import { expandMetres } from '../db/geo-sql';
import { scoreSql } from './score-sql';

/** Sites counted beyond the page's reach to set the chain-fit floor (see chainPrune). */
const CHAIN_PRUNE_SAMPLE = 50;

export class SearchInputError extends Error {
	constructor(readonly errors: FieldError[]) {
		super(errors.map((e) => e.message).join(' '));
	}
}

export interface ScoredSite {
	kind: 'plot' | 'building';
	id: number;
	code: string;
	name: NamePair;
	park: { code: string } & NamePair;
	/** Plot area, or a building's vacant floor area, m². */
	areaM2: number;
	landUse: string | null;
	status: string | null;
	buildingKind: string | null;
	priceWanPerMu: number | null;
	rentYuanPerM2Day: number | null;
	occupancy: number | null;
	lon: number;
	lat: number;
	confirmedAt: string;
	score: number;
	reasons: Reason[];
}

export interface SearchResult {
	total: number;
	page: number;
	pageSize: number;
	items: ScoredSite[];
	/** With a facility asked for: the distance (km) of the nearest match to it, or null. */
	nearestKm: number | null;
}

/** A match as the ranking sees it, best first. */
export interface RankedSite {
	id: number;
	code: string;
	score: number;
}

interface CandidateRow {
	id: number;
	code: string;
	name_zh: string;
	name_en: string;
	park_code: string;
	park_zh: string;
	park_en: string;
	area_m2: number;
	land_use: string | null;
	status: string | null;
	building_kind: string | null;
	price: number | null;
	rent: number | null;
	occupancy: number | null;
	readiness_items: string[] | string | null;
	industries: string[] | string | null;
	chains: string[] | string | null;
	lon: number;
	lat: number;
	confirmed_at: Date | string;
	days: number;
	distance_m: number | null;
	upstream: number;
	downstream: number;
}

/** Checks the codes in a query against the taxonomy; a drawn polygon against PostGIS. */
async function validate(db: Database, q: FinderQuery, t: Taxonomy): Promise<void> {
	const errors: FieldError[] = [];
	if (q.industry && !t.industries.has(q.industry))
		errors.push({ field: 'industry', code: 'unknown', message: `Unknown industry "${q.industry}".`, params: { value: q.industry } });
	if (q.chain && !t.chains.has(q.chain)) errors.push({ field: 'chain', code: 'unknown', message: `Unknown chain "${q.chain}".`, params: { value: q.chain } });
	if (q.link && !t.links.has(q.link)) errors.push({ field: 'link', code: 'unknown', message: `Unknown chain link "${q.link}".`, params: { value: q.link } });
	if (q.polygon) {
		const [r] = await db.rows<{ valid: boolean; reason: string }>(
			sql`select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason from (select ${polygonSql(q.polygon)} as g) x`
		);
		if (!r.valid) errors.push({ field: 'polygon', code: 'invalid_area', message: `The drawn area is not a valid polygon: ${r.reason}.` });
	}
	if (errors.length) throw new SearchInputError(errors);
}

function polygonSql(ring: [number, number][]): SQL {
	const closed = ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring : [...ring, ring[0]];
	return sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'Polygon', coordinates: [closed] })}), 4326)`;
}

/** The site's park is positioned for the chain (by id: one probe of park_chains' key per candidate). */
const parkHasChain = (chainId: number) => sql`exists (select 1 from park_chains pc where pc.park_id = s.park_id and pc.chain_id = ${chainId}::int)`;

const csv = (xs: readonly string[]) => sql`string_to_array(${xs.join(',')}, ',')`;

/** Area-of-interest conditions on a geometry column. */
function areaOfInterest(q: FinderQuery, geom: SQL): SQL[] {
	const out: SQL[] = [];
	if (q.bbox) {
		const [w, s, e, n] = q.bbox;
		out.push(sql`ST_Intersects(${geom}, ST_MakeEnvelope(${w}, ${s}, ${e}, ${n}, 4326))`);
	}
	if (q.polygon) out.push(sql`ST_Intersects(${geom}, ${polygonSql(q.polygon)})`);
	if (q.circle) {
		const { lon, lat, radiusKm } = q.circle;
		const centre = sql`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`;
		out.push(sql`${geom} && ${expandMetres(centre, radiusKm * 1000)}`);
		out.push(sql`ST_DWithin(${geom}::geography, ${centre}::geography, ${radiusKm * 1000})`);
	}
	return out;
}

/**
 * The site's distance to the nearest published facility of the asked kind, kept on its row
 * (near_m, one slot per kind, migration 0015), or null without a facility asked for.
 */
function facilityDistance(q: FinderQuery): SQL {
	if (!q.near) return sql`null::float8`;
	return sql`s.near_m[${FACILITY_KINDS.indexOf(q.near) + 1}::int]`;
}

/**
 * The matching sites with what the score needs. `rank`: chain fit counted only up to full
 * marks (all the score uses); `count`: without chain fit (how many match, and how near);
 * `ids`: the listed sites with everything the page shows.
 */
function candidatesSql(
	q: FinderQuery,
	t: Taxonomy,
	hideAfterDays: number,
	mode: { rank: true; first?: { by: SQL; n: number } } | { count: true } | { ids: number[] }
): SQL {
	const days = sql`floor(extract(epoch from now() - s.confirmed_at) / 86400)::int as days`;
	const link = q.link ? t.links.get(q.link)! : null;
	// In a published park: checked against the few unpublished parks, found once (no join per candidate).
	const where: SQL[] = [sql`s.published`, sql`s.park_id is not null`, sql`s.park_id <> all(array(select id from parks where not published))`];
	if ('ids' in mode) where.push(sql`s.id = any(${sql`string_to_array(${mode.ids.join(',')}, ',')::int[]`})`);
	if (!q.includeStale) where.push(sql`s.confirmed_at > now() - make_interval(days => ${hideAfterDays})`);
	let source: SQL;
	if (q.kind === 'plot') {
		const geom = sql`s.boundary`;
		if (q.status.length) where.push(sql`s.supply_status = any(${csv(q.status)})`);
		if (q.landUse.length) where.push(sql`s.land_use = any(${csv(q.landUse)})`);
		const { min, max } = areaBoundsM2(q);
		if (min !== undefined) where.push(sql`s.area_m2 >= ${min}`);
		if (max !== undefined) where.push(sql`s.area_m2 <= ${max}`);
		if (q.priceMax !== undefined) where.push(sql`s.price_wan_per_mu <= ${q.priceMax}`);
		if (q.readiness.length) where.push(sql`s.readiness_items @> ${csv(q.readiness)}`);
		if (q.industry) {
			// The plot's industry codes as plot_industries has them, kept on the row (migration 0014).
			where.push(sql`string_to_array(s.industry_codes, ',') @> array[${q.industry}]::text[]`);
		}
		if (q.chain) where.push(parkHasChain(t.chains.get(q.chain)!.id));
		if (q.near) where.push(sql`${facilityDistance(q)} <= ${(q.withinKm ?? DEFAULT_WITHIN_KM) * 1000}::float8`);
		where.push(...areaOfInterest(q, geom));
		source = sql`
			select s.id, s.code, s.code as name_zh, s.code as name_en, s.park_id,
				s.area_m2, s.land_use, s.supply_status as status, null::text as building_kind,
				s.price_wan_per_mu as price, null::float8 as rent, null::float8 as occupancy,
				s.readiness_items, s.industry_codes as industries, s.confirmed_at, ${days}, ${facilityDistance(q)} as distance_m
			from plots s
			where ${sql.join(where, sql` and `)}`;
	} else {
		const geom = sql`s.footprint`;
		if (q.buildingKind.length) where.push(sql`s.kind = any(${csv(q.buildingKind)})`);
		if (q.rentMax !== undefined) where.push(sql`s.rent_yuan_per_m2_day <= ${q.rentMax}`);
		if (q.vacantMin !== undefined) where.push(sql`s.vacant_m2 >= ${q.vacantMin}`);
		if (q.industry) {
			where.push(sql`exists (select 1 from park_industries pi join industries i on i.id = pi.industry_id
				where pi.park_id = s.park_id and i.code = ${q.industry})`);
		}
		if (q.chain) where.push(parkHasChain(t.chains.get(q.chain)!.id));
		if (q.near) where.push(sql`${facilityDistance(q)} <= ${(q.withinKm ?? DEFAULT_WITHIN_KM) * 1000}::float8`);
		// Vacant floor area and occupancy as building_occupancy derives them, kept on the row (migration 0014).
		where.push(sql`s.vacant_m2 > 0`);
		where.push(...areaOfInterest(q, geom));
		source = sql`
			select s.id, s.code, s.name_zh, s.name_en, s.park_id,
				s.vacant_m2 as area_m2, null::text as land_use, null::text as status, s.kind as building_kind,
				null::float8 as price, s.rent_yuan_per_m2_day as rent, s.occupancy_rate as occupancy,
				'{}'::text[] as readiness_items,
				(select string_agg(i.code, ',') from park_industries pi join industries i on i.id = pi.industry_id where pi.park_id = s.park_id) as industries,
				s.confirmed_at, ${days}, ${facilityDistance(q)} as distance_m
			from buildings s
			where ${sql.join(where, sql` and `)}`;
	}
	// The candidates come from the covering index; the shape (wide rows) is read only where needed, as g.
	const table = q.kind === 'plot' ? sql`plots` : sql`buildings`;
	const shape = q.kind === 'plot' ? sql`g.boundary` : sql`g.footprint`;
	// The box (metres at the site's latitude) lets the GiST index find candidates before the exact test.
	// The chain's other links by id, so that the enterprise scan drops other chains' firms before the distance test.
	const others = link ? [...t.links.values()].filter((l) => l.chainId === link.chainId && l.position !== link.position).map((l) => l.id) : [];
	const chainNear = link
		? sql`from enterprises e join chain_links l on l.id = e.chain_link_id
				where e.published and e.chain_link_id = any(${sql`string_to_array(${others.join(',')}, ',')::int[]`})
					and e.location && ${expandMetres(shape, CHAIN_RADIUS_KM * 1000)}
					and ST_DWithin(e.location::geography, ${shape}::geography, ${CHAIN_RADIUS_KM * 1000})`
		: null;
	const chainFit =
		!chainNear || 'count' in mode
			? sql`cross join lateral (select 0 as upstream, 0 as downstream, 0 as chain_n) cf`
			: 'rank' in mode
				? sql`cross join lateral (select 0 as upstream, 0 as downstream, count(*)::int as chain_n from (select 1 ${chainNear} limit ${CHAIN_FULL_MARKS}) x) cf`
				: sql`cross join lateral (select count(*) filter (where l.position < ${link!.position}) as upstream,
					count(*) filter (where l.position > ${link!.position}) as downstream, 0 as chain_n ${chainNear}) cf`;
	if ('count' in mode) return sql`select c.distance_m from (${source}) c`;
	if ('rank' in mode) {
		const rankColumns = sql`c.id, c.code, c.area_m2, c.land_use, c.price, c.rent, c.readiness_items, c.days, c.distance_m`;
		return sql`
			select ${rankColumns}, cf.chain_n
			from ${mode.first ? sql`(select ${rankColumns} from (${source}) c order by ${mode.first.by} limit ${mode.first.n})` : sql`(${source})`} c
			${link ? sql`join ${table} g on g.id = c.id` : sql``}
			${chainFit}`;
	}
	return sql`
		select c.id, c.code, c.name_zh, c.name_en, pk.code as park_code, pk.name_zh as park_zh, pk.name_en as park_en,
			c.area_m2, c.land_use, c.status, c.building_kind, c.price, c.rent, c.occupancy, c.readiness_items, c.industries,
			array(select ch.code from park_chains pc join chains ch on ch.id = pc.chain_id where pc.park_id = c.park_id) as chains,
			ST_X(ST_PointOnSurface(${shape})) as lon, ST_Y(ST_PointOnSurface(${shape})) as lat,
			c.confirmed_at, c.days,
			c.distance_m, cf.upstream, cf.downstream
		from (${source}) c join parks pk on pk.id = c.park_id join ${table} g on g.id = c.id
		${chainFit}`;
}

/** Postgres text[] arrives as an array (both drivers) or, rarely, as '{a,b}'. */
function arr(v: string[] | string | null): string[] {
	if (!v) return [];
	if (Array.isArray(v)) return v;
	return v
		.replace(/^\{|\}$/g, '')
		.split(',')
		.filter(Boolean);
}

/** The finder as the public asks it: the same query at the same data version is answered once. */
export function findSites(db: Database, q: FinderQuery): Promise<SearchResult> {
	return publicAnswers.get(db, `search?${finderParams(q)}`, () => searchSites(db, q));
}

function scoreContext(q: FinderQuery, t: Taxonomy) {
	return {
		industryName: q.industry ? t.industries.get(q.industry) : undefined,
		industryGroup: q.industry ? t.industryGroups.get(q.industry) : undefined,
		chainName: q.chain ? t.chains.get(q.chain) : undefined,
		facility: q.near,
		staleAfterDays: freshness().staleAfterDays
	};
}

/**
 * With chain fit asked for, the sites that can still reach the page. Counting chain enterprises
 * near every match is the costly part, and its 15 points move a score by a bounded amount: the
 * sites best by their score with full chain marks (an upper bound) are counted first, and the
 * (offset + limit)-th best of their scores is a floor that the page's last place reaches. A site
 * whose upper bound is below that floor cannot reach the page, so its chain is never counted;
 * the ranking is exactly the unpruned one.
 */
function chainPrune(q: FinderQuery, t: Taxonomy, ctx: ReturnType<typeof scoreContext>, window: { offset: number; limit: number }): SQL | undefined {
	if (!q.link) return undefined;
	const upper = scoreSql(q, ctx, sql`${CHAIN_FULL_MARKS}::int`);
	const reach = window.offset + window.limit;
	const first = candidatesSql(q, t, freshness().hideAfterDays, { rank: true, first: { by: sql`${upper} desc`, n: reach + CHAIN_PRUNE_SAMPLE } });
	const floor = sql`(select ${scoreSql(q, ctx)} as s from (${first}) c order by 1 desc offset ${reach - 1} limit 1)`;
	return sql`${upper} >= coalesce(${floor}, 0)`;
}

/**
 * The matches in ranking order — best score first, then the smaller adequate site, then by
 * code (code points) — `limit` of them from `offset`, with how many match in all and, with a
 * facility asked for, the distance of the nearest match. Validates the query.
 */
export async function rankSites(
	db: Database,
	q: FinderQuery,
	window: { offset: number; limit: number }
): Promise<{ total: number; nearestKm: number | null; ranked: RankedSite[] }> {
	const t = await getTaxonomy(db);
	await validate(db, q, t);
	const ctx = scoreContext(q, t);
	const candidates = candidatesSql(q, t, freshness().hideAfterDays, { rank: true });
	const prune = chainPrune(q, t, ctx, window);
	// The page by a top-N sort, and the count apart: a window count would hold every match.
	const [rows, [all]] = await Promise.all([
		db.rows<{ id: number; code: string; score: number }>(sql`
			select r.id, r.code, r.score from (select c.id, c.code, c.area_m2, ${scoreSql(q, ctx)} as score from (${candidates}) c ${prune ? sql`where ${prune}` : sql``}) r
			order by r.score desc, r.area_m2, r.code collate "C", r.id
			limit ${window.limit} offset ${window.offset}`),
		db.rows<{ total: number; nearest_m: number | null }>(sql`select count(*) as total, min(c.distance_m) as nearest_m
			from (${candidatesSql(q, t, freshness().hideAfterDays, { count: true })}) c`)
	]);
	const total = Number(all.total);
	const nearest = all.nearest_m;
	return {
		total,
		nearestKm: q.near && nearest !== null ? Number(nearest) / 1000 : null,
		ranked: rows.map((r) => ({ id: Number(r.id), code: r.code, score: Number(r.score) }))
	};
}

/** One page of matches, ranked in the database, each with its reasons. */
export async function searchSites(db: Database, q: FinderQuery): Promise<SearchResult> {
	const start = (q.page - 1) * q.pageSize;
	const { total, nearestKm, ranked } = await rankSites(db, q, { offset: start, limit: q.pageSize });
	return { total, nearestKm, page: q.page, pageSize: q.pageSize, items: await describeSites(db, q, ranked) };
}

/** The ranked sites in full, with the reasons scoreSite gives (its score equals the ranking's). */
async function describeSites(db: Database, q: FinderQuery, ranked: RankedSite[]): Promise<ScoredSite[]> {
	if (!ranked.length) return [];
	const t = await getTaxonomy(db);
	const ctx = scoreContext(q, t);
	const rows = await db.rows<CandidateRow>(candidatesSql(q, t, freshness().hideAfterDays, { ids: ranked.map((r) => r.id) }));
	const byId = new Map(rows.map((r) => [Number(r.id), r]));
	const out: ScoredSite[] = [];
	for (const { id } of ranked) {
		const r = byId.get(id);
		if (!r) continue;
		const candidate: SiteCandidate = {
			kind: q.kind,
			code: r.code,
			areaM2: Number(r.area_m2),
			landUse: (r.land_use as LandUse | null) ?? null,
			priceWanPerMu: r.price === null ? null : Number(r.price),
			readinessItems: arr(r.readiness_items),
			industries: arr(r.industries),
			chains: arr(r.chains),
			distanceKm: r.distance_m === null ? null : Number(r.distance_m) / 1000,
			upstream: Number(r.upstream ?? 0),
			downstream: Number(r.downstream ?? 0),
			rentYuanPerM2Day: r.rent === null ? null : Number(r.rent),
			daysSinceConfirmed: Number(r.days)
		};
		const { score, reasons } = scoreSite(candidate, q, ctx);
		out.push({
			kind: q.kind,
			id,
			code: r.code,
			name: { zh: r.name_zh, en: r.name_en },
			park: { code: r.park_code, zh: r.park_zh, en: r.park_en },
			areaM2: candidate.areaM2,
			landUse: r.land_use,
			status: r.status,
			buildingKind: r.building_kind,
			priceWanPerMu: candidate.priceWanPerMu,
			rentYuanPerM2Day: candidate.rentYuanPerM2Day,
			occupancy: r.occupancy === null ? null : Number(r.occupancy),
			lon: Number(r.lon),
			lat: Number(r.lat),
			confirmedAt: r.confirmed_at instanceof Date ? r.confirmed_at.toISOString() : String(r.confirmed_at),
			score,
			reasons
		});
	}
	return out;
}

/**
 * The matches of a finder query, as the relation (id, score): for the matches tiles and the
 * match heat map, which restrict it to their box. Validates the query.
 */
export async function scoredMatchesSql(db: Database, q: FinderQuery): Promise<SQL> {
	const t = await getTaxonomy(db);
	await validate(db, q, t);
	return sql`select c.id, ${scoreSql(q, scoreContext(q, t))} as score from (${candidatesSql(q, t, freshness().hideAfterDays, { rank: true })}) c`;
}

/**
 * The matches of a finder query that lie in a box, as the relation (x, y, value): each site's
 * anchor (EPSG:3857) and its score — for the match heat map, summed in the database.
 */
export async function matchPointsSql(db: Database, q: FinderQuery, box: [number, number, number, number]): Promise<SQL> {
	const [w, s, e, n] = box;
	const geom = q.kind === 'plot' ? sql`boundary` : sql`footprint`;
	const table = q.kind === 'plot' ? sql`plots` : sql`buildings`;
	const scored = await scoredMatchesSql(db, { ...q, bbox: q.bbox ?? box });
	return sql`select ST_X(a.pt) as x, ST_Y(a.pt) as y, c.score::float8 as value
		from (${scored}) c join ${table} g on g.id = c.id
		cross join lateral (select site_anchor(g.${geom}) as pt) a
		where g.${geom} && ST_MakeEnvelope(${w}::float8, ${s}::float8, ${e}::float8, ${n}::float8, 4326)`;
}
