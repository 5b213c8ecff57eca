/**
 * The finder's candidate relation as SQL: the matching sites of a query (published, in a
 * published park, fresh unless asked), read from the covering finder indexes, with what the score
 * needs (`rank`), how many and how near (`count`), or everything a listed site shows (`ids`).
 */
import { sql, type SQL } from 'drizzle-orm';
import { FACILITY_KINDS } from '../../domain/vocab';
import { areaBoundsM2, DEFAULT_WITHIN_KM, type FinderQuery } from '../../domain/finder';
import { CHAIN_FULL_MARKS, CHAIN_RADIUS_KM } from '../../domain/scoring';
import { expandMetres } from '../db/geo-sql';
import type { Taxonomy } from './taxonomy';
import { freshness } from '../config';

/** A listed site as the `ids` relation gives it. */
export interface CandidateRow {
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

/** A drawn area (a ring of [lon, lat], closed here if it is not) as a PostGIS polygon. */
export function polygonSql(ring: [number, number][]): SQL {
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
export function candidatesSql(q: FinderQuery, t: Taxonomy, mode: { rank: true; first?: { by: SQL; n: number } } | { count: true } | { ids: number[] }): SQL {
	const link = q.link ? t.links.get(q.link)! : null;
	// In a published park: checked against the few unpublished parks, found once (no join per candidate).
	const where: SQL[] = [sql`s.published`, sql`s.park_id is not null`, sql`s.park_id <> all(array(select id from parks where not published))`];
	if ('ids' in mode) where.push(sql`s.id = any(${sql`string_to_array(${mode.ids.join(',')}, ',')::int[]`})`);
	if (!q.includeStale) where.push(sql`s.confirmed_at > now() - make_interval(days => ${freshness().hideAfterDays})`);
	if (q.chain) where.push(parkHasChain(t.chains.get(q.chain)!.id));
	if (q.near) where.push(sql`${facilityDistance(q)} <= ${(q.withinKm ?? DEFAULT_WITHIN_KM) * 1000}::float8`);
	let columns: SQL;
	if (q.kind === 'plot') {
		if (q.status.length) where.push(sql`s.supply_status = any(${csv(q.status)})`);
		if (q.landUse.length) where.push(sql`s.land_use = any(${csv(q.landUse)})`);
		const { min, max } = areaBoundsM2(q);
		if (min !== undefined) where.push(sql`s.area_m2 >= ${min}`);
		if (max !== undefined) where.push(sql`s.area_m2 <= ${max}`);
		if (q.priceMax !== undefined) where.push(sql`s.price_wan_per_mu <= ${q.priceMax}`);
		if (q.readiness.length) where.push(sql`s.readiness_items @> ${csv(q.readiness)}`);
		// The plot's industry codes as plot_industries has them, kept on the row (migration 0014).
		if (q.industry) where.push(sql`string_to_array(s.industry_codes, ',') @> array[${q.industry}]::text[]`);
		where.push(...areaOfInterest(q, sql`s.boundary`));
		columns = sql`s.code as name_zh, s.code as name_en, s.area_m2, s.land_use, s.supply_status as status, null::text as building_kind,
			s.price_wan_per_mu as price, null::float8 as rent, null::float8 as occupancy, s.readiness_items, s.industry_codes as industries`;
	} else {
		if (q.buildingKind.length) where.push(sql`s.kind = any(${csv(q.buildingKind)})`);
		if (q.rentMax !== undefined) where.push(sql`s.rent_yuan_per_m2_day <= ${q.rentMax}`);
		if (q.vacantMin !== undefined) where.push(sql`s.vacant_m2 >= ${q.vacantMin}`);
		if (q.industry) {
			where.push(sql`exists (select 1 from park_industries pi join industries i on i.id = pi.industry_id
				where pi.park_id = s.park_id and i.code = ${q.industry})`);
		}
		// Vacant floor area and occupancy as building_occupancy derives them, kept on the row (migration 0014).
		where.push(sql`s.vacant_m2 > 0`);
		where.push(...areaOfInterest(q, sql`s.footprint`));
		columns = sql`s.name_zh, s.name_en, s.vacant_m2 as area_m2, null::text as land_use, null::text as status, s.kind as building_kind,
			null::float8 as price, s.rent_yuan_per_m2_day as rent, s.occupancy_rate as occupancy, '{}'::text[] as readiness_items,
			(select string_agg(i.code, ',') from park_industries pi join industries i on i.id = pi.industry_id where pi.park_id = s.park_id) as industries`;
	}
	const table = q.kind === 'plot' ? sql`plots` : sql`buildings`;
	const source = sql`
		select s.id, s.code, s.park_id, ${columns}, s.confirmed_at,
			floor(extract(epoch from now() - s.confirmed_at) / 86400)::int as days, ${facilityDistance(q)} as distance_m
		from ${table} s
		where ${sql.join(where, sql` and `)}`;
	// The candidates come from the covering index; the shape (wide rows) is read only where needed, as g.
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
