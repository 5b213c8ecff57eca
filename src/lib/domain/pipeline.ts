/**
 * The promotion pipeline's rules: how an enquiry moves through the inbox, how a project moves
 * from lead to feedback, when either is flagged, and the rates the zone is judged by. Pure
 * functions on plain records; the server applies them in SQL transactions and the pages show
 * their results. Dates are ISO days (YYYY-MM-DD), compared as strings.
 */
import { ENQUIRY_STATUSES, PROJECT_STAGES, type EnquiryStatus, type ProjectStage } from './vocab';

// ------------------------------------------------------------------ enquiries

export const OPEN_ENQUIRY: readonly EnquiryStatus[] = ['new', 'contacted', 'visiting', 'negotiating'];

/**
 * The statuses an enquiry may move to: forward along the way (a step may be skipped — a visit
 * is sometimes arranged on the first call), lost from any open status, won once the investor
 * was spoken to, and a lost one reopened as contacted. A won enquiry is a project and stays won.
 */
export function enquiryMoves(from: EnquiryStatus): EnquiryStatus[] {
	if (from === 'won') return [];
	if (from === 'lost') return ['contacted'];
	const at = ENQUIRY_STATUSES.indexOf(from);
	const forward = (['contacted', 'visiting', 'negotiating'] as const).filter((s) => ENQUIRY_STATUSES.indexOf(s) > at);
	return [...forward, ...(from === 'new' ? [] : (['won'] as const)), 'lost'];
}

export const canMoveEnquiry = (from: EnquiryStatus, to: EnquiryStatus) => enquiryMoves(from).includes(to);

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (iso: string, days: number) => isoOf(dayOf(iso) + days * DAY_MS);

/** The day a moment falls on in the zone (China time, UTC+8): the inbox counts days as its staff do. */
export const zoneDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

/** Working days (Monday to Friday) after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string): number {
	let n = 0;
	for (let t = dayOf(from) + DAY_MS; t <= dayOf(to); t += DAY_MS) {
		const dow = new Date(t).getUTCDay();
		if (dow !== 0 && dow !== 6) n++;
	}
	return n;
}

/** The last day an enquiry may have come in and be late today: more than `days` working days before. */
export function lateCutoff(today: string, days: number): string {
	let d = addDays(today, -1);
	while (workingDaysBetween(d, today) <= days) d = addDays(d, -1);
	return d;
}

/** An enquiry nobody has contacted N working days after it came in. */
export function contactOverdue(e: { status: EnquiryStatus; receivedOn: string; contactedOn: string | null }, today: string, days: number): boolean {
	return e.status === 'new' && !e.contactedOn && workingDaysBetween(e.receivedOn, today) > days;
}

// ------------------------------------------------------------------ projects

/** The date column each stage's move sets. */
export const STAGE_DATE: Record<ProjectStage, 'leadAt' | 'negotiationAt' | 'signedAt' | 'startedAt' | 'productionAt' | 'feedbackAt'> = {
	lead: 'leadAt',
	negotiation: 'negotiationAt',
	signed: 'signedAt',
	construction: 'startedAt',
	production: 'productionAt',
	feedback: 'feedbackAt'
};

/** A project moves forward only (a skipped stage gets the same date), never back. */
export function projectMoves(from: ProjectStage): ProjectStage[] {
	return PROJECT_STAGES.slice(PROJECT_STAGES.indexOf(from) + 1);
}

export interface ProjectDates {
	stage: ProjectStage;
	leadAt: string | null;
	negotiationAt: string | null;
	signedAt: string | null;
	startedAt: string | null;
	productionAt: string | null;
	feedbackAt: string | null;
}

/**
 * The dates a move to `to` on `on` writes: its own stage's and any skipped stage's. Null when
 * the move goes back or the date comes before the stage already reached (a project cannot be
 * signed before it was a lead).
 */
export function moveDates(p: ProjectDates, to: ProjectStage, on: string): Partial<ProjectDates> | null {
	if (!projectMoves(p.stage).includes(to)) return null;
	const reached = PROJECT_STAGES.slice(0, PROJECT_STAGES.indexOf(p.stage) + 1)
		.map((s) => p[STAGE_DATE[s]])
		.filter((d): d is string => Boolean(d));
	if (reached.some((d) => d > on)) return null;
	const out: Partial<ProjectDates> = { stage: to };
	for (const s of PROJECT_STAGES.slice(PROJECT_STAGES.indexOf(p.stage) + 1, PROJECT_STAGES.indexOf(to) + 1)) out[STAGE_DATE[s]] = on;
	return out;
}

export const WARNINGS = ['not_started', 'stalled', 'problem_overdue'] as const;
export type Warning = (typeof WARNINGS)[number];

export interface WarningRules {
	/** Signed and not started after this many days. */
	signedNotStartedDays: number;
	/** Under construction with no weekly update for this many weeks. */
	stalledWeeks: number;
}

export const DEFAULT_WARNING_RULES: WarningRules = { signedNotStartedDays: 180, stalledWeeks: 4 };

/** The warnings a project raises today. */
export function projectWarnings(
	p: Pick<ProjectDates, 'stage' | 'signedAt' | 'startedAt'> & { lastUpdateOn: string | null; problems: { dueOn: string; resolvedOn: string | null }[] },
	today: string,
	rules: WarningRules
): Warning[] {
	const out: Warning[] = [];
	if (p.stage === 'signed' && p.signedAt && addDays(p.signedAt, rules.signedNotStartedDays) < today) out.push('not_started');
	const lastSign = [p.lastUpdateOn, p.startedAt]
		.filter((d): d is string => Boolean(d))
		.sort()
		.at(-1);
	if (p.stage === 'construction' && lastSign && addDays(lastSign, rules.stalledWeeks * 7) < today) out.push('stalled');
	if (p.problems.some((q) => !q.resolvedOn && q.dueOn < today)) out.push('problem_overdue');
	return out;
}

/** The Monday of an ISO day's week (一周一调度 is filed per week). */
export function mondayOf(iso: string): string {
	const t = dayOf(iso);
	const dow = (new Date(t).getUTCDay() + 6) % 7;
	return isoOf(t - dow * DAY_MS);
}

// ------------------------------------------------------------------ rates

export interface RateProject {
	signedAt: string | null;
	startedAt: string | null;
	productionAt: string | null;
	investmentWan: number | null;
	fundsInPlaceWan: number | null;
	foreignCapitalUsd: number | null;
}

export interface Rates {
	signed: number;
	started: number;
	/** Started within the agreed window after signing, of those whose window has ended. */
	startedOnTime: number;
	windowEnded: number;
	inProduction: number;
	/** 履约率 = started ÷ signed; 开工率 = on-time starts ÷ signed with the window ended; 投产率 = in production ÷ signed. */
	performanceRate: number | null;
	startRate: number | null;
	productionRate: number | null;
	investmentWan: number;
	fundsInPlaceWan: number;
	/** 资金到位率 = funds in place ÷ investment agreed. */
	fundsRate: number | null;
	foreignCapitalUsd: number;
}

const share = (n: number, of: number) => (of > 0 ? n / of : null);

/**
 * The rates of the projects signed in `year` (the year's cohort), as of `today`: a project
 * counts as started or in production once that date has passed.
 */
export function cohortRates(projects: readonly RateProject[], year: number, today: string, rules: Pick<WarningRules, 'signedNotStartedDays'>): Rates {
	const cohort = projects.filter((p) => p.signedAt && p.signedAt.startsWith(String(year)) && p.signedAt <= today);
	const started = cohort.filter((p) => p.startedAt && p.startedAt <= today);
	const ended = cohort.filter((p) => addDays(p.signedAt!, rules.signedNotStartedDays) <= today || (p.startedAt && p.startedAt <= today));
	const onTime = ended.filter((p) => p.startedAt && p.startedAt <= today && p.startedAt <= addDays(p.signedAt!, rules.signedNotStartedDays));
	const production = cohort.filter((p) => p.productionAt && p.productionAt <= today);
	const investment = cohort.reduce((s, p) => s + (p.investmentWan ?? 0), 0);
	const funds = cohort.reduce((s, p) => s + (p.fundsInPlaceWan ?? 0), 0);
	return {
		signed: cohort.length,
		started: started.length,
		startedOnTime: onTime.length,
		windowEnded: ended.length,
		inProduction: production.length,
		performanceRate: share(started.length, cohort.length),
		startRate: share(onTime.length, ended.length),
		productionRate: share(production.length, cohort.length),
		investmentWan: investment,
		fundsInPlaceWan: funds,
		fundsRate: share(funds, investment),
		foreignCapitalUsd: cohort.reduce((s, p) => s + (p.foreignCapitalUsd ?? 0), 0)
	};
}

/** Month by month through `year` (up to today's month): cumulative signed, started and in production of the year's cohort. */
export function ratesByMonth(projects: readonly RateProject[], year: number, today: string) {
	const last = today.startsWith(String(year)) ? Number(today.slice(5, 7)) : today < `${year}` ? 0 : 12;
	const out: { month: string; signed: number; started: number; production: number }[] = [];
	for (let m = 1; m <= last; m++) {
		const end = isoOf(Date.UTC(year, m, 0));
		const upTo = end < today ? end : today;
		const cohort = projects.filter((p) => p.signedAt && p.signedAt.startsWith(String(year)) && p.signedAt <= upTo);
		out.push({
			month: `${year}-${String(m).padStart(2, '0')}`,
			signed: cohort.length,
			started: cohort.filter((p) => p.startedAt && p.startedAt <= upTo).length,
			production: cohort.filter((p) => p.productionAt && p.productionAt <= upTo).length
		});
	}
	return out;
}

// ------------------------------------------------------------------ chains

export const GAP_KINDS = ['missing', 'weak'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

/**
 * A chain link's gap: no firm in the zone → 补链 (missing); one firm, and a small one (under
 * 100 staff and output under ¥10 million, or unknown) → 强链 (weak); otherwise none.
 */
export function linkGap(firms: readonly { employees: number | null; outputBand: string | null }[]): GapKind | null {
	if (firms.length === 0) return 'missing';
	if (firms.length === 1) {
		const f = firms[0];
		const small = (f.employees ?? 0) < 100 && (f.outputBand === null || f.outputBand === 'lt_10m');
		if (small) return 'weak';
	}
	return null;
}
