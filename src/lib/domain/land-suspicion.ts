/**
 * Which plots the legal test and the thresholds suspect, and why — the grounds a case is
 * opened on. Pure: the caller gives the plot's facts, the thresholds and the day.
 */
import { dayOf, idleFeeWan, judgeIdleLand, judgeLowEfficiency, type EfficiencyThresholds } from './idle-land';
import type { CaseKind } from './idle-cases';
import type { SupplyStatus } from './vocab';

/** Land that has been sold or allocated: only it can lie idle or be used inefficiently. */
export const SOLD_STATUSES: readonly SupplyStatus[] = ['signed', 'under_construction', 'in_production'];
const STARTED_STATUSES: readonly SupplyStatus[] = ['under_construction', 'in_production'];

export interface PlotLandFacts {
	supplyStatus: SupplyStatus;
	agreedStartDate: string | null;
	startedOn: string | null;
	stoppedSince: string | null;
	builtRatio: number | null;
	investedRatio: number | null;
	taxPerMuWan: number | null;
	outputPerMuWan: number | null;
	landPriceWan: number | null;
}

export type IdleGrounds = {
	kind: 'idle';
	reason: 'not_started' | 'stalled';
	/** The day the period is counted from: the agreed start date, or the day work stopped. */
	from: string;
	since: string;
	recoveryFrom: string;
	consequence: 'idle_fee' | 'recovery';
	/** 20% of the land price, 万元, when the price is known. */
	feeWan: number | null;
};

export type LowEfficiencyGrounds = {
	kind: 'low_efficiency';
	below: ('tax' | 'output')[];
	taxPerMuWan: number | null;
	outputPerMuWan: number | null;
	thresholds: EfficiencyThresholds;
};

export type Grounds = IdleGrounds | LowEfficiencyGrounds;

const ymd = (d: Date) => d.toISOString().slice(0, 10);
const day = (s: string) => dayOf(new Date(`${s}T00:00:00Z`));

/** Whether work has started: a start date, or a status that says so. */
export const hasStarted = (p: Pick<PlotLandFacts, 'supplyStatus' | 'startedOn'>) => p.startedOn !== null || STARTED_STATUSES.includes(p.supplyStatus);

/** The grounds on which a plot is suspected on `today`, per kind (none: not suspected). */
export function groundsFor(p: PlotLandFacts, thresholds: EfficiencyThresholds, today: Date): Grounds[] {
	if (!SOLD_STATUSES.includes(p.supplyStatus)) return [];
	const out: Grounds[] = [];
	const started = hasStarted(p);
	const v = judgeIdleLand(
		{
			agreedStartDate: p.agreedStartDate ? day(p.agreedStartDate) : null,
			started,
			builtRatio: p.builtRatio,
			investedRatio: p.investedRatio,
			stoppedSince: p.stoppedSince ? day(p.stoppedSince) : null
		},
		today
	);
	if (v.idle) {
		out.push({
			kind: 'idle',
			reason: v.reason,
			from: (v.reason === 'not_started' ? p.agreedStartDate : p.stoppedSince)!,
			since: ymd(v.since),
			recoveryFrom: ymd(v.recoveryFrom),
			consequence: v.consequence,
			feeWan: p.landPriceWan === null ? null : idleFeeWan(p.landPriceWan)
		});
	}
	if (p.supplyStatus === 'in_production') {
		const e = judgeLowEfficiency({ taxPerMuWan: p.taxPerMuWan, outputPerMuWan: p.outputPerMuWan }, thresholds);
		if (e.low) out.push({ kind: 'low_efficiency', below: e.below, taxPerMuWan: p.taxPerMuWan, outputPerMuWan: p.outputPerMuWan, thresholds });
	}
	return out;
}

export const groundsKind = (g: Grounds): CaseKind => g.kind;
