/**
 * The rates the zone is judged by (签约, 履约率, 开工率, 投产率, 资金到位率, 到位资金, 实际使用外资),
 * for the zone, per park and per chain, for one year's cohort of signed projects, against the
 * parks' targets for that year; and the cohort's month-by-month trend. The rules are the
 * domain's (`cohortRates`); here the projects the user sees are read and grouped.
 */
import { sql } from 'drizzle-orm';
import type { TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireUser } from '../auth/permissions';
import { inVisibleParks } from '../auth/scope';
import { dateOnly, num } from '../db/values';
import { cohortRates, ratesByMonth, type RateProject, type Rates } from '../../domain/pipeline';
import { warningRules } from './projects';

type Rows = Pick<TxHandle, 'rows'>;

interface Row extends RateProject {
	parkCode: string | null;
	chain: string | null;
}

export interface Targets {
	projectsToSign: number | null;
	fundsYi: number | null;
	foreignCapitalUsd: number | null;
}

export interface RateGroup {
	code: string | null;
	nameZh: string;
	nameEn: string;
	rates: Rates;
	targets: Targets;
}

const sum = (xs: (number | null)[]) => (xs.some((x) => x !== null) ? xs.reduce<number>((s, x) => s + (x ?? 0), 0) : null);

export async function pipelineRates(db: Rows, user: SessionUser | null, year: number) {
	const u = requireUser(user);
	const rules = await warningRules(db);
	const today = new Date().toISOString().slice(0, 10);
	const rows = (
		await db.rows<Record<string, unknown>>(sql`
			select k.code as park_code, c.code as chain, j.signed_at, j.started_at, j.production_at, j.investment_wan, j.funds_in_place_wan, j.foreign_capital_usd
			from projects j left join parks k on k.id = j.park_id left join chain_links l on l.id = j.chain_link_id left join chains c on c.id = l.chain_id
			where j.signed_at is not null ${inVisibleParks(sql`j.park_id`, u)}`)
	).map((r): Row => ({
		parkCode: (r.park_code as string | null) ?? null,
		chain: (r.chain as string | null) ?? null,
		signedAt: dateOnly(r.signed_at),
		startedAt: dateOnly(r.started_at),
		productionAt: dateOnly(r.production_at),
		investmentWan: num(r.investment_wan),
		fundsInPlaceWan: num(r.funds_in_place_wan),
		foreignCapitalUsd: num(r.foreign_capital_usd)
	}));
	const parks = await db.rows<Record<string, unknown>>(sql`
		select k.code, k.name_zh, k.name_en, t.projects_to_sign, t.funds_yi, t.foreign_capital_usd
		from parks k left join disposal_targets t on t.park_id = k.id and t.year = ${year}
		where true ${inVisibleParks(sql`k.id`, u)} order by k.code`);
	const chains = await db.rows<{ code: string; name_zh: string; name_en: string }>(sql`select code, name_zh, name_en from chains order by sort_order, code`);
	const rate = (xs: Row[]) => cohortRates(xs, year, today, rules);
	const parkGroups: RateGroup[] = parks.map((k) => ({
		code: String(k.code),
		nameZh: String(k.name_zh),
		nameEn: String(k.name_en),
		rates: rate(rows.filter((r) => r.parkCode === k.code)),
		targets: { projectsToSign: num(k.projects_to_sign), fundsYi: num(k.funds_yi), foreignCapitalUsd: num(k.foreign_capital_usd) }
	}));
	const chainGroups: RateGroup[] = chains
		.map((c) => ({
			code: c.code,
			nameZh: c.name_zh,
			nameEn: c.name_en,
			rates: rate(rows.filter((r) => r.chain === c.code)),
			targets: { projectsToSign: null, fundsYi: null, foreignCapitalUsd: null }
		}))
		.filter((g) => g.rates.signed > 0);
	const zone: RateGroup = {
		code: null,
		nameZh: '全区',
		nameEn: 'Whole zone',
		rates: rate(rows),
		targets: {
			projectsToSign: sum(parkGroups.map((g) => g.targets.projectsToSign)),
			fundsYi: sum(parkGroups.map((g) => g.targets.fundsYi)),
			foreignCapitalUsd: sum(parkGroups.map((g) => g.targets.foreignCapitalUsd))
		}
	};
	return { year, today, rules, zone, parks: parkGroups, chains: chainGroups, months: ratesByMonth(rows, year, today) };
}
