/**
 * The life of an idle or low-efficiency land case (闲置低效用地处置), as pure rules. A case
 * starts *suspected* — computed by the legal test or the thresholds, never applied silently —
 * and staff move it on: investigate → confirm (认定, with the reason and the date) or dismiss
 * (with the reason); a confirmed case gets its disposal (method, responsible officer, deadline,
 * steps) and, completed, its 亩 count towards the park's target for the year it completed in.
 */
import { m2ToMu } from './units';

export const CASE_KINDS = ['idle', 'low_efficiency'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_STAGES = ['suspected', 'investigating', 'confirmed', 'dismissed', 'disposing', 'disposed'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_ACTIONS = ['investigate', 'confirm', 'dismiss', 'dispose', 'complete'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Where each action may be taken from, and where it leads. */
const MOVES: Record<CaseAction, { from: readonly CaseStage[]; to: CaseStage }> = {
	investigate: { from: ['suspected'], to: 'investigating' },
	confirm: { from: ['suspected', 'investigating'], to: 'confirmed' },
	dismiss: { from: ['suspected', 'investigating'], to: 'dismissed' },
	dispose: { from: ['confirmed', 'disposing'], to: 'disposing' },
	complete: { from: ['disposing'], to: 'disposed' }
};

/** The stage an action leads to from `stage`, or null when it may not be taken there. */
export function nextStage(stage: CaseStage, action: CaseAction): CaseStage | null {
	const m = MOVES[action];
	return m.from.includes(stage) ? m.to : null;
}

/** The actions open on a case at a stage (what the console offers). */
export function openActions(stage: CaseStage): CaseAction[] {
	return CASE_ACTIONS.filter((a) => nextStage(stage, a) !== null);
}

/** A case is open until it is dismissed or disposed; a plot has at most one open case of a kind. */
export const isOpen = (stage: CaseStage) => stage !== 'dismissed' && stage !== 'disposed';

/** The stage a map colours a plot by: suspected (incl. under investigation), confirmed, disposing, disposed. */
export function mapStage(stage: CaseStage): 'suspected' | 'confirmed' | 'disposing' | 'disposed' | null {
	if (stage === 'suspected' || stage === 'investigating') return 'suspected';
	if (stage === 'dismissed') return null;
	return stage;
}

/** Overdue: open, with a deadline before `today` (both `YYYY-MM-DD`). */
export const isOverdue = (c: { stage: CaseStage; deadline: string | null }, today: string) => isOpen(c.stage) && c.deadline !== null && c.deadline < today;

/** Due within `days` days from `today` (inclusive), not yet overdue. */
export function isDueSoon(c: { stage: CaseStage; deadline: string | null }, today: string, days = 30): boolean {
	if (!isOpen(c.stage) || c.deadline === null || c.deadline < today) return false;
	const limit = new Date(`${today}T00:00:00Z`);
	limit.setUTCDate(limit.getUTCDate() + days);
	return c.deadline <= limit.toISOString().slice(0, 10);
}

/**
 * A park's progress towards its target for a year: the 亩 of cases completed in that year count
 * as disposed; open confirmed or disposing cases as in progress; the rest of the target as not
 * started. The share done is disposed over target (null without a target).
 */
export function targetProgress(
	cases: { stage: CaseStage; areaM2: number; completedOn: string | null }[],
	targetMu: number | null,
	year: number
): TargetProgress {
	const sum = (xs: typeof cases) => xs.reduce((s, c) => s + c.areaM2, 0);
	return progressOf(
		{
			disposedM2: sum(cases.filter((c) => c.stage === 'disposed' && c.completedOn?.startsWith(String(year)))),
			inProgressM2: sum(cases.filter((c) => c.stage === 'confirmed' || c.stage === 'disposing'))
		},
		targetMu
	);
}

export type TargetProgress = { targetMu: number | null; disposedMu: number; inProgressMu: number; notStartedMu: number | null; shareDone: number | null };

/** The same progress from the areas already summed (the board sums them in SQL). */
export function progressOf(areas: { disposedM2: number; inProgressM2: number }, targetMu: number | null): TargetProgress {
	const disposedMu = m2ToMu(areas.disposedM2);
	const inProgressMu = m2ToMu(areas.inProgressM2);
	const round = (v: number) => Math.round(v * 10) / 10;
	return {
		targetMu,
		disposedMu: round(disposedMu),
		inProgressMu: round(inProgressMu),
		notStartedMu: targetMu === null ? null : round(Math.max(0, targetMu - disposedMu - inProgressMu)),
		shareDone: targetMu ? Math.round((disposedMu / targetMu) * 1000) / 1000 : null
	};
}

/** The straight line to the target: how much should be disposed by the end of each month (1–12). */
export function plannedByMonth(targetMu: number): number[] {
	return Array.from({ length: 12 }, (_, i) => Math.round(((targetMu * (i + 1)) / 12) * 10) / 10);
}

/**
 * 亩 disposed of by the end of each month of `year` (1–12), cumulative; null for months after
 * `today` (`YYYY-MM-DD`), which have not happened yet.
 */
export function disposedByMonth(cases: { stage: CaseStage; areaM2: number; completedOn: string | null }[], year: number, today: string): (number | null)[] {
	const byMonth = Array.from({ length: 12 }, () => 0);
	for (const c of cases) {
		if (c.stage !== 'disposed' || !c.completedOn?.startsWith(`${year}-`)) continue;
		byMonth[Number(c.completedOn.slice(5, 7)) - 1] += m2ToMu(c.areaM2);
	}
	const [ty, tm] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
	let sum = 0;
	return byMonth.map((mu, i) => {
		sum += mu;
		return year > ty || (year === ty && i + 1 > tm) ? null : Math.round(sum * 10) / 10;
	});
}
