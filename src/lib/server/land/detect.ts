/**
 * Finding suspected idle and low-efficiency land: the legal test and the thresholds run over
 * sold and allocated plots, and a plot they catch gets a *suspected* case — nothing about the
 * plot itself changes until staff confirm it. Run by the background job every day and after
 * data changes, and by a plot's own edit in its transaction. A suspected case nobody has
 * touched is withdrawn when its plot no longer meets the test; a dismissed or disposed-of case
 * is not opened again until the plot's facts change after that decision.
 */
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../db/client';
import { dateOnly, iso, num } from '../db/values';
import { intList } from '../db/lists';
import { groundsFor, SOLD_STATUSES, type Grounds } from '../../domain/land-suspicion';
import { thresholdsFor, type EfficiencyThresholds } from '../../domain/idle-land';
import type { CaseKind } from '../../domain/idle-cases';
import type { SupplyStatus } from '../../domain/vocab';

type Rows = Pick<TxHandle, 'rows'>;

/** The zone's thresholds (site settings). */
export async function zoneThresholds(db: Rows): Promise<EfficiencyThresholds> {
	const [r] = await db.rows<{ t: unknown; o: unknown }>(sql`select min_tax_per_mu_wan as t, min_output_per_mu_wan as o from site_settings where id = 1`);
	return { taxPerMuWan: num(r?.t), outputPerMuWan: num(r?.o) };
}

const soldList = sql.join(
	SOLD_STATUSES.map((s) => sql`${s}`),
	sql`, `
);

/** Equal as JSON, whatever the order of keys (jsonb keeps its own order, so strings compare unequal). */
function sameJson(stored: unknown, value: unknown): boolean {
	return isDeepStrictEqual(typeof stored === 'string' ? JSON.parse(stored) : stored, JSON.parse(JSON.stringify(value)));
}

/** Opens and withdraws suspected cases for `plotIds` (all plots when absent). */
export async function detectCases(tx: Rows, today: Date, plotIds?: number[]): Promise<{ opened: number; withdrawn: number; updated: number }> {
	if (plotIds && plotIds.length === 0) return { opened: 0, withdrawn: 0, updated: 0 };
	const zone = await zoneThresholds(tx);
	const only = plotIds ? sql`and p.id in ${intList(plotIds)}` : sql``;
	const rows = await tx.rows<Record<string, unknown>>(sql`
		select p.id, p.supply_status, p.agreed_start_date, p.started_on, p.stopped_since, p.built_ratio, p.invested_ratio,
			p.tax_per_mu_wan, p.output_per_mu_wan, p.land_price_wan, p.area_m2, p.updated_at,
			k.min_tax_per_mu_wan, k.min_output_per_mu_wan
		from plots p join parks k on k.id = p.park_id
		where p.retired_at is null and p.supply_status in (${soldList}) ${only}`);
	const cases = await tx.rows<{ id: number; plot_id: number; kind: CaseKind; stage: string; version: number; updated_at: unknown; grounds: unknown }>(sql`
		select c.id, c.plot_id, c.kind, c.stage, c.version, c.updated_at, c.grounds from land_cases c
		where c.stage in ('suspected', 'investigating', 'confirmed', 'disposing', 'dismissed', 'disposed')
		${plotIds ? sql`and c.plot_id in ${intList(plotIds)}` : sql``}`);
	const byPlot = new Map<number, typeof cases>();
	for (const c of cases) {
		const list = byPlot.get(Number(c.plot_id)) ?? [];
		list.push(c);
		byPlot.set(Number(c.plot_id), list);
	}
	const open: { plotId: number; kind: CaseKind; grounds: Grounds; areaM2: number }[] = [];
	const refresh: { id: number; grounds: Grounds }[] = [];
	const keep = new Set<number>();
	for (const r of rows) {
		const id = Number(r.id);
		const grounds = groundsFor(
			{
				supplyStatus: r.supply_status as SupplyStatus,
				agreedStartDate: dateOnly(r.agreed_start_date),
				startedOn: dateOnly(r.started_on),
				stoppedSince: dateOnly(r.stopped_since),
				builtRatio: num(r.built_ratio),
				investedRatio: num(r.invested_ratio),
				taxPerMuWan: num(r.tax_per_mu_wan),
				outputPerMuWan: num(r.output_per_mu_wan),
				landPriceWan: num(r.land_price_wan)
			},
			thresholdsFor({ taxPerMuWan: num(r.min_tax_per_mu_wan) ?? undefined, outputPerMuWan: num(r.min_output_per_mu_wan) ?? undefined }, zone),
			today
		);
		const mine = byPlot.get(id) ?? [];
		const factsAt = iso(r.updated_at)!;
		for (const g of grounds) {
			const current = mine.find((c) => c.kind === g.kind && c.stage !== 'dismissed' && c.stage !== 'disposed');
			if (current) {
				keep.add(Number(current.id));
				// The verdict moves with time (an idle fee becomes recovery): an open case shows today's.
				if (!sameJson(current.grounds, g)) refresh.push({ id: Number(current.id), grounds: g });
				continue;
			}
			// Decided (dismissed, or disposed of) since the facts last changed: not suspected again on the same facts.
			const dismissedSince = mine.some((c) => c.kind === g.kind && (c.stage === 'dismissed' || c.stage === 'disposed') && iso(c.updated_at)! >= factsAt);
			if (!dismissedSince) open.push({ plotId: id, kind: g.kind, grounds: g, areaM2: Number(r.area_m2) });
		}
	}
	// Untouched suspicions whose plot no longer meets the test (or left the sold land, or was retired).
	const stale = cases.filter((c) => c.stage === 'suspected' && Number(c.version) === 1 && !keep.has(Number(c.id))).map((c) => Number(c.id));
	const day = today.toISOString().slice(0, 10);
	let opened = 0;
	if (open.length) {
		const inserted = await tx.rows<{ id: number }>(sql`
			insert into land_cases (plot_id, kind, stage, grounds, area_m2, detected_on)
			select (x->>'plotId')::int, x->>'kind', 'suspected', x->'grounds', (x->>'areaM2')::float8, ${day}::date
			from jsonb_array_elements(${JSON.stringify(open)}::jsonb) x
			on conflict do nothing returning id`);
		opened = inserted.length;
	}
	if (refresh.length) {
		await tx.rows(sql`
			update land_cases c set grounds = x->'grounds'
			from jsonb_array_elements(${JSON.stringify(refresh)}::jsonb) x where c.id = (x->>'id')::int`);
	}
	if (stale.length) await tx.rows(sql`delete from land_cases where id in ${intList(stale)} and stage = 'suspected' and version = 1`);
	return { opened, withdrawn: stale.length, updated: refresh.length };
}

/** The whole zone, in its own transaction (the background job and the seed). */
export const detectAll = (db: Database, today = new Date()) => db.transaction((tx) => detectCases(tx, today));
