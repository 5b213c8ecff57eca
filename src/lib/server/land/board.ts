/**
 * The disposal board (闲置低效用地处置调度): per park and for the zone — target 亩, disposed, in
 * progress, not started, share done, overdue cases; the month-by-month line against the
 * straight line to the target; the cases, filtered and paged; and the plots on the map by
 * stage. Staff see every park, park editors theirs. Figures come from the cases by the rules of
 * `domain/idle-cases`, so the board, its export and its print agree.
 */
import { sql } from 'drizzle-orm';
import type { TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireUser } from '../auth/permissions';
import { num } from '../db/values';
import { CASE_STAGES, disposedByMonth, isDueSoon, isOpen, isOverdue, mapStage, plannedByMonth, targetProgress, type CaseStage } from '../../domain/idle-cases';
import { CASE_COLUMNS, CASE_FROM, caseOf, type LandCase } from './cases';
import { inVisibleParks, visibleParkIds } from '../auth/scope';
import type { BoardFilters } from '../../domain/ledger-schemas';

type Rows = Pick<TxHandle, 'rows'>;

export type { BoardFilters };

export interface ParkProgress {
	parkCode: string | null;
	nameZh: string;
	nameEn: string;
	targetMu: number | null;
	disposedMu: number;
	inProgressMu: number;
	notStartedMu: number | null;
	shareDone: number | null;
	suspected: number;
	overdue: number;
	dueSoon: number;
}

export interface CaseRow extends LandCase {
	overdue: boolean;
	dueSoon: boolean;
	stepsDone: number;
}

export interface Board {
	year: number;
	today: string;
	/** True when the user sees the whole zone (the zone row is the zone's, not their parks'). */
	wholeZone: boolean;
	parks: ParkProgress[];
	zone: ParkProgress;
	/** The chart: cumulative 亩 disposed by the end of each month, and the straight line to the target. */
	months: { month: number; disposedMu: number | null; plannedMu: number | null }[];
	chartOf: string | null;
	cases: CaseRow[];
	total: number;
	page: number;
	pageSize: number;
	counts: Record<CaseStage, number>;
}

export const PAGE_SIZE = 50;

/** Every case the user may see that bears on the year: open ones (soonest deadline first), then those closed in it. */
async function casesInScope(db: Rows, user: SessionUser, year: number): Promise<LandCase[]> {
	const rows = await db.rows<Record<string, unknown>>(sql`
		select ${CASE_COLUMNS} from ${CASE_FROM}
		where (c.stage not in ('dismissed', 'disposed') or extract(year from coalesce(c.completed_on, c.decided_on)) = ${year})
		${inVisibleParks(sql`p.park_id`, user)}
		order by c.stage in ('dismissed', 'disposed'), c.deadline nulls last, c.id`);
	return rows.map(caseOf);
}

function progressOf(
	name: Pick<ParkProgress, 'parkCode' | 'nameZh' | 'nameEn'>,
	cases: LandCase[],
	targetMu: number | null,
	year: number,
	today: string
): ParkProgress {
	const p = targetProgress(cases, targetMu, year);
	return {
		...name,
		...p,
		suspected: cases.filter((c) => c.stage === 'suspected' || c.stage === 'investigating').length,
		overdue: cases.filter((c) => isOverdue(c, today)).length,
		dueSoon: cases.filter((c) => isDueSoon(c, today)).length
	};
}

/** The board for a year, for a user (every park for staff, their parks for editors); `pageSize` Infinity lists every case (the export). */
export async function boardOf(db: Rows, user: SessionUser | null, f: BoardFilters, now = new Date(), pageSize = PAGE_SIZE): Promise<Board> {
	const u = requireUser(user);
	const today = now.toISOString().slice(0, 10);
	const all = await casesInScope(db, u, f.year);
	const parkRows = await db.rows<Record<string, unknown>>(sql`
			select k.id, k.code, k.name_zh, k.name_en, d.target_mu from parks k
			left join disposal_targets d on d.park_id = k.id and d.year = ${f.year}
			where true ${inVisibleParks(sql`k.id`, u)}
			order by k.code`);
	const byPark = new Map<string, LandCase[]>();
	for (const c of all) byPark.set(c.parkCode, [...(byPark.get(c.parkCode) ?? []), c]);
	const parks = parkRows
		.map((k) =>
			progressOf(
				{ parkCode: String(k.code), nameZh: String(k.name_zh), nameEn: String(k.name_en) },
				byPark.get(String(k.code)) ?? [],
				num(k.target_mu),
				f.year,
				today
			)
		)
		// Parks with nothing to report (no target, no case) stay off the board.
		.filter((p) => p.targetMu !== null || byPark.has(p.parkCode!));
	const targets = parks.map((p) => p.targetMu).filter((t): t is number => t !== null);
	const zone = progressOf({ parkCode: null, nameZh: '', nameEn: '' }, all, targets.length ? targets.reduce((a, b) => a + b, 0) : null, f.year, today);
	const chartPark = f.park ? parks.find((p) => p.parkCode === f.park) : null;
	const chartCases = chartPark ? (byPark.get(chartPark.parkCode!) ?? []) : all;
	const chartTarget = chartPark ? chartPark.targetMu : zone.targetMu;
	const planned = chartTarget ? plannedByMonth(chartTarget) : null;
	const done = disposedByMonth(chartCases, f.year, today);
	const months = done.map((disposedMu, i) => ({ month: i + 1, disposedMu, plannedMu: planned ? planned[i] : null }));
	const counts = Object.fromEntries(CASE_STAGES.map((s) => [s, 0])) as Record<CaseStage, number>;
	for (const c of all) counts[c.stage]++;
	const q = f.q.trim().toLowerCase();
	const listed = all
		.filter((c) => !f.park || c.parkCode === f.park)
		.filter((c) => !f.stage || (f.stage === 'open' ? isOpen(c.stage) : c.stage === f.stage))
		.filter((c) => !f.kind || c.kind === f.kind)
		.filter((c) => !f.due || (f.due === 'overdue' ? isOverdue(c, today) : isDueSoon(c, today)))
		.filter((c) => !q || c.plotCode.toLowerCase().includes(q) || (c.officer ?? '').toLowerCase().includes(q))
		.map((c) => ({ ...c, overdue: isOverdue(c, today), dueSoon: isDueSoon(c, today), stepsDone: c.steps.filter((s) => s.done).length }));
	const page = Number.isFinite(pageSize) ? Math.max(1, Math.min(f.page, Math.ceil(listed.length / pageSize) || 1)) : 1;
	return {
		year: f.year,
		today,
		wholeZone: visibleParkIds(u) === null,
		parks,
		zone,
		months,
		chartOf: chartPark?.parkCode ?? null,
		cases: Number.isFinite(pageSize) ? listed.slice((page - 1) * pageSize, page * pageSize) : listed,
		total: listed.length,
		page,
		pageSize: Number.isFinite(pageSize) ? pageSize : listed.length,
		counts
	};
}

/** The plots of the cases on the map, coloured by stage (dismissed ones leave the map). */
export async function caseMap(db: Rows, user: SessionUser | null, year: number) {
	const u = requireUser(user);
	const rows = await db.rows<{ id: number; code: string; kind: string; stage: CaseStage; g: string }>(sql`
		select c.id, p.code, c.kind, c.stage, ST_AsGeoJSON(p.boundary, 6) as g
		from land_cases c join plots p on p.id = c.plot_id
		where (c.stage not in ('dismissed', 'disposed') or (c.stage = 'disposed' and extract(year from c.completed_on) = ${year}))
		${inVisibleParks(sql`p.park_id`, u)}`);
	return {
		type: 'FeatureCollection' as const,
		features: rows.map((r) => ({
			type: 'Feature' as const,
			id: Number(r.id),
			properties: { id: Number(r.id), code: r.code, kind: r.kind, stage: mapStage(r.stage) },
			geometry: JSON.parse(r.g)
		}))
	};
}
