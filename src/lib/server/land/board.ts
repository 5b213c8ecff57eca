/**
 * The disposal board (闲置低效用地处置调度): per park and for the zone — target 亩, disposed, in
 * progress, not started, share done, overdue cases; the month-by-month line against the
 * straight line to the target; the cases, filtered and paged; and the plots on the map by
 * stage. Staff see every park, park editors theirs. Figures come from the cases by the rules of
 * `domain/idle-cases`, so the board, its export and its print agree.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireUser } from '../auth/permissions';
import { num } from '../db/values';
import { intList } from '../db/lists';
import { CASE_STAGES, disposedByMonth, isDueSoon, isOverdue, mapStage, plannedByMonth, progressOf, type CaseStage } from '../../domain/idle-cases';
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

/** A due-soon window, days (as `isDueSoon`). */
const SOON_DAYS = 30;

/**
 * The cases that bear on a year, as SQL over `land_cases c join plots p`: every open one, and
 * those closed (disposed of, dismissed) in it. Open, overdue and due soon are `isOpen`,
 * `isOverdue` and `isDueSoon` of domain/idle-cases — the integration tests hold them equal.
 */
const OF_YEAR = (year: number) => sql`(c.stage not in ('dismissed', 'disposed') or extract(year from coalesce(c.completed_on, c.decided_on)) = ${year})`;
const OPEN = sql`c.stage not in ('dismissed', 'disposed')`;
const OVERDUE = (today: string) => sql`(${OPEN} and c.deadline < ${today}::date)`;
const DUE_SOON = (today: string) => sql`(${OPEN} and c.deadline >= ${today}::date and c.deadline <= ${today}::date + ${SOON_DAYS}::int)`;

/** The list's filters as SQL. */
function listWhere(f: BoardFilters, today: string): SQL {
	const where: SQL[] = [];
	if (f.park) where.push(sql`k.code = ${f.park}`);
	if (f.stage === 'open') where.push(OPEN);
	else if (f.stage) where.push(sql`c.stage = ${f.stage}`);
	if (f.kind) where.push(sql`c.kind = ${f.kind}`);
	if (f.due) where.push(f.due === 'overdue' ? OVERDUE(today) : DUE_SOON(today));
	const q = f.q.trim().toLowerCase();
	if (q) where.push(sql`(position(${q} in lower(p.code)) > 0 or position(${q} in lower(coalesce(c.officer, ''))) > 0)`);
	return where.length ? sql`and ${sql.join(where, sql` and `)}` : sql``;
}

/**
 * The board for a year, for a user (every park for staff, their parks for editors). The
 * figures are sums in SQL fed to the domain's rules; the list is one page (`pageSize`
 * Infinity: every case, for the export).
 */
export async function boardOf(db: Rows, user: SessionUser | null, f: BoardFilters, now = new Date(), pageSize = PAGE_SIZE): Promise<Board> {
	const u = requireUser(user);
	const today = now.toISOString().slice(0, 10);
	const scope = inVisibleParks(sql`p.park_id`, u);
	// One pass over the cases: per park, stage and month of completion (this year's disposals), the area and the deadline counts.
	const groups = await db.rows<Record<string, unknown>>(sql`
		select p.park_id, c.stage,
			case when c.stage = 'disposed' and extract(year from c.completed_on) = ${f.year} then extract(month from c.completed_on)::int end as month,
			sum(c.area_m2) as area, count(*)::int as n,
			count(*) filter (where ${OVERDUE(today)})::int as overdue, count(*) filter (where ${DUE_SOON(today)})::int as due_soon
		from land_cases c join plots p on p.id = c.plot_id
		where ${OF_YEAR(f.year)} ${scope}
		group by 1, 2, 3`);
	const parkRows = await db.rows<Record<string, unknown>>(sql`
		select k.id, k.code, k.name_zh, k.name_en, d.target_mu from parks k
		left join disposal_targets d on d.park_id = k.id and d.year = ${f.year}
		where true ${inVisibleParks(sql`k.id`, u)}
		order by k.code`);
	const sumsOf = (rows: Record<string, unknown>[]) => ({
		disposedM2: rows.filter((g) => g.month !== null).reduce((a, g) => a + Number(g.area), 0),
		inProgressM2: rows.filter((g) => g.stage === 'confirmed' || g.stage === 'disposing').reduce((a, g) => a + Number(g.area), 0),
		suspected: rows.filter((g) => g.stage === 'suspected' || g.stage === 'investigating').reduce((a, g) => a + Number(g.n), 0),
		overdue: rows.reduce((a, g) => a + Number(g.overdue), 0),
		dueSoon: rows.reduce((a, g) => a + Number(g.due_soon), 0)
	});
	const progress = (name: Pick<ParkProgress, 'parkCode' | 'nameZh' | 'nameEn'>, rows: Record<string, unknown>[], targetMu: number | null): ParkProgress => {
		const { disposedM2, inProgressM2, ...counts } = sumsOf(rows);
		return { ...name, ...progressOf({ disposedM2, inProgressM2 }, targetMu), ...counts };
	};
	const ofPark = (id: number) => groups.filter((g) => Number(g.park_id) === id);
	// Parks with nothing to report (no target, no case) stay off the board.
	const shown = parkRows.filter((k) => num(k.target_mu) !== null || ofPark(Number(k.id)).length > 0);
	const parks = shown.map((k) =>
		progress({ parkCode: String(k.code), nameZh: String(k.name_zh), nameEn: String(k.name_en) }, ofPark(Number(k.id)), num(k.target_mu))
	);
	const targets = parks.map((p) => p.targetMu).filter((t): t is number => t !== null);
	const zone = progress({ parkCode: null, nameZh: '', nameEn: '' }, groups, targets.length ? targets.reduce((a, b) => a + b, 0) : null);

	const chartIndex = f.park ? parks.findIndex((p) => p.parkCode === f.park) : -1;
	const chartPark = chartIndex >= 0 ? parks[chartIndex] : null;
	const chartGroups = chartPark ? ofPark(Number(shown[chartIndex].id)) : groups;
	const done = disposedByMonth(
		chartGroups
			.filter((g) => g.month !== null)
			.map((g) => ({ stage: 'disposed' as const, areaM2: Number(g.area), completedOn: `${f.year}-${String(g.month).padStart(2, '0')}-01` })),
		f.year,
		today
	);
	const chartTarget = chartPark ? chartPark.targetMu : zone.targetMu;
	const planned = chartTarget ? plannedByMonth(chartTarget) : null;
	const months = done.map((disposedMu, i) => ({ month: i + 1, disposedMu, plannedMu: planned ? planned[i] : null }));

	const counts = Object.fromEntries(CASE_STAGES.map((st) => [st, 0])) as Record<CaseStage, number>;
	for (const g of groups) counts[g.stage as CaseStage] += Number(g.n);

	const paged = Number.isFinite(pageSize);
	// The page's ids (and how many are listed) from narrow rows; then the page's cases in full.
	const ids = (page: number) =>
		db.rows<{ id: number; listed: number }>(sql`
			select c.id, count(*) over ()::int as listed from land_cases c join plots p on p.id = c.plot_id join parks k on k.id = p.park_id
			where ${OF_YEAR(f.year)} ${scope} ${listWhere(f, today)}
			order by ${OPEN} desc, c.deadline nulls last, c.id
			${paged ? sql`limit ${pageSize} offset ${(page - 1) * pageSize}` : sql``}`);
	let page = paged ? Math.max(1, f.page) : 1;
	let found = await ids(page);
	// Past the last page: the last one.
	if (!found.length && page > 1) {
		const [{ n }] = await db.rows<{ n: number }>(sql`select count(*)::int as n from ${CASE_FROM} where ${OF_YEAR(f.year)} ${scope} ${listWhere(f, today)}`);
		page = Math.max(1, Math.ceil(Number(n) / pageSize));
		found = await ids(page);
	}
	const listed = found.length ? Number(found[0].listed) : 0;
	const order = new Map(found.map((r, i) => [Number(r.id), i]));
	const rows = found.length
		? (await db.rows<Record<string, unknown>>(sql`select ${CASE_COLUMNS} from ${CASE_FROM} where c.id in ${intList([...order.keys()])}`)).sort(
				(x, y) => order.get(Number(x.id))! - order.get(Number(y.id))!
			)
		: [];
	const cases = rows
		.map(caseOf)
		.map((c) => ({ ...c, overdue: isOverdue(c, today), dueSoon: isDueSoon(c, today, SOON_DAYS), stepsDone: c.steps.filter((st) => st.done).length }));
	return {
		year: f.year,
		today,
		wholeZone: visibleParkIds(u) === null,
		parks,
		zone,
		months,
		chartOf: chartPark?.parkCode ?? null,
		cases,
		total: listed,
		page,
		pageSize: paged ? pageSize : listed,
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
