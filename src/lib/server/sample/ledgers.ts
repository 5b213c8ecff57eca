/**
 * The sample zone's two ledgers, made from the generated zone with their own seed (so the map's
 * sample stays exactly as it was): the supervision facts of sold land, the land cases in every
 * stage — confirmed and being disposed of (the plots the generator flagged), disposed of this
 * year month by month against the parks' targets, dismissed — the low-efficiency thresholds,
 * and the buildings' tenants' tax, officers in charge and two years of monthly rows. SAMPLE
 * DATA, like the rest of the zone. The suspected cases are not made here: the legal test finds
 * them when the zone is loaded, as it would in a real zone.
 */
import { area } from '@turf/turf';
import { groundsFor } from '../../domain/land-suspicion';
import { monthsUpTo } from '../../domain/building-economy';
import type { DisposalMethod } from '../../domain/vocab';
import { Random } from './random';
import { addDays, isoDate, personName, phone, type SampleZone } from './generate';
import { m2ToMu } from '../../domain/units';

export interface SamplePlotFacts {
	code: string;
	contractDate: string | null;
	startedOn: string | null;
	stoppedSince: string | null;
	landPriceWan: number | null;
}

export interface SampleCase {
	plot: string;
	kind: 'idle' | 'low_efficiency';
	stage: 'confirmed' | 'disposing' | 'disposed' | 'dismissed';
	grounds: unknown;
	areaM2: number;
	detectedOn: string;
	decidedOn: string;
	decision: string;
	method: DisposalMethod | null;
	officer: string | null;
	deadline: string | null;
	steps: { text: string; done: boolean }[];
	completedOn: string | null;
	outcome: string | null;
}

export interface SampleBuildingLedger {
	code: string;
	annualTaxWan: number;
	managerName: string;
	managerPhone: string;
	/** Months before this one, oldest first (this month is written from the units at load). */
	months: { month: string; leasableM2: number; leasedM2: number; reservedM2: number; vacantM2: number; tenants: number; taxWan: number }[];
}

export interface SampleLedgers {
	facts: SamplePlotFacts[];
	cases: SampleCase[];
	zoneThresholds: { taxPerMuWan: number; outputPerMuWan: number };
	parkThresholds: { park: string; taxPerMuWan: number | null; outputPerMuWan: number | null }[];
	/** This year's 亿元楼宇 (over ¥100 m) and over-¥50 m targets per park: the zone's plan says 12. */
	buildingTargets: { park: string; over100m: number; over50m: number }[];
	buildings: SampleBuildingLedger[];
}

/** The day `days` after a `YYYY-MM-DD` day. */
const plus = (day: string, days: number) => isoDate(addDays(new Date(`${day}T00:00:00Z`), days));
const r1 = (v: number) => Math.round(v * 10) / 10;

const STEPS: Record<DisposalMethod, string[]> = {
	urge_start: ['下达督促开工通知书', '约谈企业负责人', '现场核查开工情况'],
	extend_start: ['企业提交延期开工申请', '签订补充协议，约定新的动工日期', '跟踪新的动工日期'],
	idle_fee: ['下达征缴土地闲置费决定书', '企业缴纳闲置费', '督促限期开工'],
	change_use: ['编制规划调整方案', '报批调整用途', '签订变更协议'],
	swap: ['确定置换地块', '评估两宗土地价值', '签订置换协议并办理登记'],
	paid_recovery: ['评估土地及地上物价值', '与企业协商收回补偿', '签订收回协议并注销登记'],
	recovery: ['下达收回国有建设用地使用权决定书', '听证与公告', '注销不动产登记'],
	new_project: ['梳理盘活方案', '引进新项目并签约', '新项目开工建设'],
	redevelopment: ['编制提容增效方案', '办理规划许可', '启动二次开发'],
	transfer: ['企业申请转让', '在土地市场公开交易', '受让方签约并办理登记']
};

export function generateLedgers(zone: SampleZone): SampleLedgers {
	const rng = new Random(zone.seed + 12);
	const today = new Date(`${zone.asOf}T00:00:00Z`);
	const todayS = zone.asOf;
	const year = today.getUTCFullYear();
	const month = today.getUTCMonth() + 1;
	const areaOf = new Map(zone.plots.map((p) => [p.code, area(p.boundary)]));
	const zoneThresholds = { taxPerMuWan: 10, outputPerMuWan: 150 };

	// Supervision facts of sold land.
	const facts: SamplePlotFacts[] = [];
	const factsOf = new Map<string, SamplePlotFacts>();
	for (const p of zone.plots) {
		if (!['signed', 'under_construction', 'in_production'].includes(p.supplyStatus) || !p.agreedStartDate) continue;
		const started = p.supplyStatus !== 'signed';
		let stoppedSince: string | null = null;
		let startedOn: string | null = started ? plus(p.agreedStartDate, rng.int(-20, 90)) : null;
		if (p.supplyStatus === 'under_construction' && (p.isIdle || ((p.builtRatio ?? 1) < 1 / 3 && rng.chance(0.3)))) {
			stoppedSince = plus(todayS, -rng.int(390, 800));
		}
		if (startedOn && startedOn > plus(todayS, -30)) startedOn = plus(todayS, -30);
		if (startedOn && stoppedSince && startedOn > plus(stoppedSince, -60)) startedOn = plus(stoppedSince, -rng.int(60, 200));
		const f = {
			code: p.code,
			contractDate: plus(p.agreedStartDate, -rng.int(90, 240)),
			startedOn,
			stoppedSince,
			landPriceWan: r1(p.priceWanPerMu * m2ToMu(areaOf.get(p.code)!))
		};
		facts.push(f);
		factsOf.set(p.code, f);
	}

	const cases: SampleCase[] = [];
	const groundsOf = (code: string) => {
		const p = zone.plots.find((x) => x.code === code)!;
		const f = factsOf.get(code);
		return groundsFor(
			{
				supplyStatus: p.supplyStatus,
				agreedStartDate: p.agreedStartDate,
				startedOn: f?.startedOn ?? null,
				stoppedSince: f?.stoppedSince ?? null,
				builtRatio: p.builtRatio,
				investedRatio: p.investedRatio,
				taxPerMuWan: p.taxPerMuWan,
				outputPerMuWan: p.outputPerMuWan,
				landPriceWan: f?.landPriceWan ?? null
			},
			zoneThresholds,
			today
		);
	};

	// The plots the generator flagged: confirmed, most of them being disposed of.
	for (const p of zone.plots.filter((x) => x.isIdle || x.isLowEfficiency)) {
		const kind = p.isIdle ? 'idle' : 'low_efficiency';
		const grounds = groundsOf(p.code).find((g) => g.kind === kind);
		const decidedOn = plus(todayS, -rng.int(40, 320));
		const detectedOn = plus(decidedOn, -rng.int(10, 60));
		const disposing = p.disposalMethod !== null && rng.chance(0.85);
		const method = (p.disposalMethod as DisposalMethod | null) ?? null;
		// Deadlines spread so that the board has overdue cases and cases due within 30 days.
		const due = rng.weighted([
			['overdue', 0.18],
			['soon', 0.17],
			['later', 0.65]
		] as const);
		const deadline =
			due === 'overdue'
				? plus(todayS, -rng.int(3, 80))
				: due === 'soon'
					? plus(todayS, rng.int(2, 28))
					: (p.disposalDeadline ?? plus(todayS, rng.int(60, 400)));
		const steps = method ? STEPS[method].map((text, i) => ({ text, done: i < rng.int(0, 2) })) : [];
		cases.push({
			plot: p.code,
			kind,
			stage: disposing ? 'disposing' : 'confirmed',
			grounds: grounds ?? {},
			areaM2: areaOf.get(p.code)!,
			detectedOn,
			decidedOn,
			decision:
				kind === 'low_efficiency'
					? '经核查，该宗地亩均税收低于园区低效用地认定标准，认定为低效用地。'
					: grounds && grounds.kind === 'idle' && grounds.reason === 'stalled'
						? '经现场核查，该宗地已动工开发但开发面积不足三分之一，且中止开发建设满一年，认定为闲置土地。'
						: '经现场核查，该宗地超过出让合同约定的动工开发日期满一年未动工开发，认定为闲置土地。',
			method: disposing ? method : null,
			officer: disposing ? personName(rng) : null,
			deadline: disposing ? deadline : null,
			steps: disposing ? steps : [],
			completedOn: null,
			outcome: null
		});
	}

	// Disposed of this year, month by month, towards each park's target (and a few last year).
	const taken = new Set(cases.map((c) => c.plot));
	for (const park of zone.parks.filter((k) => k.disposalTargetMu)) {
		const goal = park.disposalTargetMu! * rng.range(0.35, 0.7);
		const candidates = rng.sample(
			zone.plots.filter((p) => p.park === park.code && !taken.has(p.code) && ['available', 'reserve', 'under_construction'].includes(p.supplyStatus)),
			400
		);
		let done = 0;
		for (const p of candidates) {
			if (done >= goal) break;
			taken.add(p.code);
			done += m2ToMu(areaOf.get(p.code)!);
			const m = rng.int(1, month);
			const completedOn = `${year}-${String(m).padStart(2, '0')}-${String(rng.int(1, m === month ? Math.max(1, today.getUTCDate() - 1) : 28)).padStart(2, '0')}`;
			const method: DisposalMethod =
				p.supplyStatus === 'under_construction'
					? rng.pick(['new_project', 'swap', 'change_use'] as const)
					: rng.pick(['recovery', 'paid_recovery', 'transfer'] as const);
			const decidedOn = plus(completedOn, -rng.int(90, 300));
			cases.push({
				plot: p.code,
				kind: 'idle',
				stage: 'disposed',
				grounds: {},
				areaM2: areaOf.get(p.code)!,
				detectedOn: plus(decidedOn, -rng.int(10, 60)),
				decidedOn,
				decision: '经现场核查，该宗地超过出让合同约定的动工开发日期满一年未动工开发，认定为闲置土地。',
				method,
				officer: personName(rng),
				deadline: plus(completedOn, rng.int(-10, 60)),
				steps: STEPS[method].map((text) => ({ text, done: true })),
				completedOn,
				outcome:
					method === 'new_project'
						? '已引进新项目开工建设，土地盘活。'
						: method === 'recovery' || method === 'paid_recovery'
							? '土地已收回，纳入储备重新供应。'
							: '处置完成。'
			});
		}
	}

	// Two suspicions that staff looked into and dismissed (delay caused by the government's own planning change).
	const suspects = zone.plots.filter((p) => !taken.has(p.code) && groundsOf(p.code).some((g) => g.kind === 'idle'));
	for (const p of rng.sample(suspects, 2)) {
		taken.add(p.code);
		const decidedOn = plus(todayS, -rng.int(20, 120));
		cases.push({
			plot: p.code,
			kind: 'idle',
			stage: 'dismissed',
			grounds: groundsOf(p.code).find((g) => g.kind === 'idle')!,
			areaM2: areaOf.get(p.code)!,
			detectedOn: plus(decidedOn, -rng.int(10, 40)),
			decidedOn,
			decision: '因规划调整等政府原因造成动工开发延迟，依法不认定为闲置土地，已签订补充协议重新约定动工日期。',
			method: null,
			officer: null,
			deadline: null,
			steps: [],
			completedOn: null,
			outcome: null
		});
	}

	// Buildings: the tenants' tax by tier, the officer in charge, two years of months.
	const TAX: Record<string, [number, number]> = { over_100m: [10_500, 26_000], over_50m: [5_200, 9_800], over_10m: [1_100, 4_900], none: [60, 950] };
	const months = monthsUpTo(`${todayS.slice(0, 7)}-01`, 24).slice(0, -1);
	const buildings = zone.buildings.map((b) => {
		const [lo, hi] = TAX[b.taxTier];
		const annualTaxWan = Math.round(rng.range(lo, hi));
		const leasable = b.units.reduce((s, u) => s + u.areaM2, 0) || b.leasableAreaM2;
		const leasedNow = b.units.filter((u) => u.status === 'leased').reduce((s, u) => s + u.areaM2, 0);
		const unitsLeased = b.units.filter((u) => u.status === 'leased').length;
		const occNow = leasable > 0 ? leasedNow / leasable : 0;
		// Back in time from today's occupancy: buildings fill up slowly, with a wobble; none before it was finished.
		const rising = rng.range(0, 0.012);
		let occ = occNow;
		const back: SampleBuildingLedger['months'] = [];
		for (let i = months.length - 1; i >= 0; i--) {
			const m = months[i];
			if (Number(m.slice(0, 4)) < b.completedYear) break;
			occ = Math.min(0.98, Math.max(0.05, occ - rising + rng.normal(0, 0.015)));
			const leased = Math.round(leasable * occ);
			const reserved = Math.round(Math.max(0, leasable - leased) * rng.range(0, 0.12));
			back.push({
				month: m,
				leasableM2: Math.round(leasable),
				leasedM2: leased,
				reservedM2: reserved,
				vacantM2: Math.max(0, Math.round(leasable) - leased - reserved),
				tenants: Math.max(0, Math.round(unitsLeased * (occNow > 0 ? occ / occNow : 1))),
				taxWan: Math.round(annualTaxWan * (occNow > 0 ? Math.min(1.3, occ / occNow) : 1) * rng.range(0.95, 1.05))
			});
		}
		return { code: b.code, annualTaxWan, managerName: personName(rng), managerPhone: phone(rng), months: back.reverse() };
	});

	return {
		facts,
		cases,
		zoneThresholds,
		parkThresholds: [{ park: zone.parks[0].code, taxPerMuWan: 12, outputPerMuWan: null }],
		buildingTargets: [
			{ park: 'SE', over100m: 7, over50m: 10 },
			{ park: 'NM', over100m: 2, over50m: 3 },
			{ park: 'PL', over100m: 2, over50m: 3 },
			{ park: 'TE', over100m: 1, over50m: 2 }
		],
		buildings
	};
}
