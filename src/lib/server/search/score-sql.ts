/**
 * The finder's score (lib/domain/scoring.ts scoreSite) as one SQL expression over a candidate
 * row, so that the database ranks and pages: the same parts, weights and rounding, part by
 * part. A test holds it equal to scoreSite on every candidate of many queries; the reasons of
 * the sites on the page are still said by scoreSite.
 *
 * The candidate relation `c` has: kind-specific area_m2 (plot area or vacant floor area),
 * price, rent, readiness_items (text[]), land_use, distance_m, chain_n (enterprises of the
 * chain near, counted up to CHAIN_FULL_MARKS), days. An asked industry or chain is a filter
 * too, so every candidate earns those parts in full.
 */
import { sql, type SQL } from 'drizzle-orm';
import { areaBoundsM2, DEFAULT_WITHIN_KM, type FinderQuery } from '../../domain/finder';
import { CHAIN_FULL_MARKS } from '../../domain/scoring';
import { LAND_USE_FIT } from '../../domain/land-use-fit';
import type { IndustryGroup } from '../../domain/vocab';

const f = (v: number) => sql`${v}::float8`;

/** One part of the score: its weight and what the row earns of it (both float8 SQL). */
interface Part {
	weight: SQL;
	earned: SQL;
}

/** `chainN`: how many chain enterprises the row counts near (default c.chain_n; a constant gives a bound). */
export function scoreSql(q: FinderQuery, ctx: { industryGroup?: IndustryGroup; staleAfterDays: number }, chainN: SQL = sql`c.chain_n`): SQL {
	const parts: Part[] = [];
	if (q.industry) {
		parts.push({ weight: f(25), earned: f(25) });
		if (q.kind === 'plot' && ctx.industryGroup) {
			const fit = LAND_USE_FIT[ctx.industryGroup];
			const cases = sql.join(
				Object.entries(fit).map(([use, v]) => sql`when ${use} then ${f(v)}`),
				sql` `
			);
			parts.push({ weight: sql`case when c.land_use is not null then 15 else 0 end`, earned: sql`15 * (case c.land_use ${cases} else 0 end)` });
		}
	}
	if (q.chain) parts.push({ weight: f(15), earned: f(15) });
	if (q.kind === 'plot') {
		const { min, max } = areaBoundsM2(q);
		if (min !== undefined || max !== undefined) {
			const ok = sql.join(
				[...(min !== undefined ? [sql`c.area_m2 >= ${f(min)}`] : []), ...(max !== undefined ? [sql`c.area_m2 <= ${f(max)}`] : [])],
				sql` and `
			);
			const slack = min !== undefined && min > 0 ? sql`least(1, (c.area_m2 - ${f(min)}) / (2 * ${f(min)}))` : f(0);
			parts.push({ weight: f(15), earned: sql`case when ${ok} then 15 * (1 - 0.5 * greatest(0, ${slack})) else 0 end` });
		}
		if (q.priceMax !== undefined) {
			const cheapness = q.priceMax > 0 ? sql`greatest(0, 1 - c.price / ${f(q.priceMax)})` : f(0);
			parts.push({
				weight: sql`case when c.price is not null then 10 else 0 end`,
				earned: sql`case when c.price is not null and c.price <= ${f(q.priceMax)} then 5 + 5 * ${cheapness} else 0 end`
			});
		}
		const asked = q.readiness.length ? q.readiness : null;
		// Each asked item the site has, counted as scoreSite counts them; no subquery per row.
		const have = asked
			? sql.join(
					asked.map((item) => sql`(c.readiness_items @> array[${item}]::text[])::int`),
					sql` + `
				)
			: sql`cardinality(c.readiness_items)`;
		parts.push({ weight: f(10), earned: sql`(10 * coalesce(${have}, 0)::float8) / ${f(asked ? asked.length : 10)}` });
	} else {
		if (q.vacantMin !== undefined) parts.push({ weight: f(15), earned: sql`case when c.area_m2 >= ${f(q.vacantMin)} then 15 else 0 end` });
		if (q.rentMax !== undefined) {
			const cheapness = q.rentMax > 0 ? sql`greatest(0, 1 - c.rent / ${f(q.rentMax)})` : f(0);
			parts.push({
				weight: sql`case when c.rent is not null then 10 else 0 end`,
				earned: sql`case when c.rent is not null and c.rent <= ${f(q.rentMax)} then 5 + 5 * ${cheapness} else 0 end`
			});
		}
	}
	if (q.near) {
		const within = q.withinKm ?? DEFAULT_WITHIN_KM;
		const km = sql`(c.distance_m / 1000)`;
		const closeness = within > 0 ? sql`greatest(0, 1 - ${km} / ${f(within)})` : f(0);
		parts.push({
			weight: sql`case when c.distance_m is not null then 10 else 0 end`,
			earned: sql`case when c.distance_m is not null and ${km} <= ${f(within)} then 5 + 5 * ${closeness} else 0 end`
		});
	}
	if (q.link) parts.push({ weight: f(15), earned: sql`(15 * least(${chainN}, ${CHAIN_FULL_MARKS}::int)::float8) / ${f(CHAIN_FULL_MARKS)}` });
	parts.push({ weight: f(5), earned: sql`case when c.days >= ${ctx.staleAfterDays}::int then 0 else 5 end` });
	const weight = sql.join(
		parts.map((p) => sql`(${p.weight})`),
		sql` + `
	);
	const earned = sql.join(
		parts.map((p) => sql`(${p.earned})`),
		sql` + `
	);
	// Math.round as JavaScript rounds: half up.
	return sql`(case when (${weight}) > 0 then floor(100 * (${earned}) / (${weight}) + 0.5) else 0 end)::int`;
}
