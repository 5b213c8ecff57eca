/**
 * The site finder. Filters, the score (score-sql.ts, equal to the pure `scoreSite`), the
 * ranking and the paging all run in SQL, every value a bound parameter; then one query reads
 * the page's sites in full, and `scoreSite` says their reasons. The candidates (candidates-sql.ts)
 * are read from covering indexes, not the wide rows; chain fit (enterprises of the investor's
 * chain upstream and downstream of its link nearby) is counted only for the sites that can
 * still reach the asked page (chainPrune).
 */
import type { LandUse } from '../../domain/vocab';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { finderParams, type FieldError, type FinderQuery } from '../../domain/finder';
import { publicAnswers } from '../cache/versioned';
import { CHAIN_FULL_MARKS, scoreSite, type NamePair, type Reason, type SiteCandidate } from '../../domain/scoring';
import { freshness } from '../config';
import { getTaxonomy, type Taxonomy } from './taxonomy';
import { scoreSql } from './score-sql';
import { candidatesSql, polygonSql, type CandidateRow } from './candidates-sql';

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
	const first = candidatesSql(q, t, { rank: true, first: { by: sql`${upper} desc`, n: reach + CHAIN_PRUNE_SAMPLE } });
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
	const candidates = candidatesSql(q, t, { rank: true });
	const prune = chainPrune(q, t, ctx, window);
	// The page by a top-N sort, and the count apart: a window count would hold every match.
	const [rows, [all]] = await Promise.all([
		db.rows<{ id: number; code: string; score: number }>(sql`
			select r.id, r.code, r.score from (select c.id, c.code, c.area_m2, ${scoreSql(q, ctx)} as score from (${candidates}) c ${prune ? sql`where ${prune}` : sql``}) r
			order by r.score desc, r.area_m2, r.code collate "C", r.id
			limit ${window.limit} offset ${window.offset}`),
		db.rows<{ total: number; nearest_m: number | null }>(sql`select count(*) as total, min(c.distance_m) as nearest_m
			from (${candidatesSql(q, t, { count: true })}) c`)
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
	const rows = await db.rows<CandidateRow>(candidatesSql(q, t, { ids: ranked.map((r) => r.id) }));
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
	return sql`select c.id, ${scoreSql(q, scoreContext(q, t))} as score from (${candidatesSql(q, t, { rank: true })}) c`;
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
