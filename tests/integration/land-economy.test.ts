/**
 * The land and building ledgers (issue 12) on both databases, on a fresh copy of the sample
 * zone: a suspected case walks to disposed with one audit entry per step and the park's
 * disposed 亩 moves by the plot's area; the plot's flags follow the case; stale and bad steps
 * are refused; editors see only their parks; the legal test opens and withdraws suspicions as
 * the supervision facts change; thresholds catch low-efficiency land; a unit leased moves the
 * building's row for the month.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/client';
import { userByEmail, type SessionUser } from '../../src/lib/server/auth';
import { PermissionError } from '../../src/lib/server/auth/permissions';
import { ConflictError, EditValidationError, plotSnapshot, updatePlot, updateUnits, buildingSnapshot } from '../../src/lib/server/editing';
import { plotEditOf } from '../../src/lib/domain/edit-schemas';
import { loadSampleZone } from '../../src/lib/server/sample/load';
import { generateSampleZone } from '../../src/lib/server/sample/generate';
import { boardOf, type BoardFilters } from '../../src/lib/server/land/board';
import { readCase, takeCaseAction } from '../../src/lib/server/land/cases';
import { readLandFacts, saveLandFacts } from '../../src/lib/server/land/facts';
import { saveThresholds, readThresholds } from '../../src/lib/server/land/thresholds';
import { economyOf, buildingTrend } from '../../src/lib/server/economy';
import { closeMonth } from '../../src/lib/server/economy/months';
import { detectAll } from '../../src/lib/server/land/detect';
import { monthOf, persistentVacancy } from '../../src/lib/domain/building-economy';
import { isDueSoon, isOpen, isOverdue, targetProgress } from '../../src/lib/domain/idle-cases';
import { MODE, openEmptyDatabase } from './db';

const MU = 15 / 10000;
const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const filters = (f: Partial<BoardFilters> = {}): BoardFilters => ({ year, park: null, stage: null, kind: null, due: null, q: '', page: 1, ...f });
const plus = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

describe(`land and building ledgers (${MODE})`, () => {
	let db: Database;
	let staff: SessionUser;
	let admin: SessionUser;
	let editorNm: SessionUser;
	let editorTe: SessionUser;
	beforeAll(async () => {
		db = await openEmptyDatabase();
		await loadSampleZone(db, generateSampleZone({ asOf: today }));
		staff = (await userByEmail(db, 'staff@demo.siteatlas'))!;
		admin = (await userByEmail(db, 'admin@demo.siteatlas'))!;
		editorNm = (await userByEmail(db, 'editor-nm@demo.siteatlas'))!;
		editorTe = (await userByEmail(db, 'editor-te@demo.siteatlas'))!;
	}, 120_000);
	afterAll(() => db?.close());

	const audits = (id: number) =>
		db.rows<{ action: string; before: { stage: string } | null; after: { stage: string } }>(
			sql`select action, before, after from audit_entries where entity = 'land_case' and entity_id = ${String(id)} order by id`
		);

	it('walks a suspected case to disposed: one audit entry per step, the plot follows, the park’s disposed mu moves by its area', async () => {
		const board = await boardOf(db, staff, filters({ stage: 'suspected', kind: 'idle' }));
		expect(board.total).toBeGreaterThan(0);
		const c = board.cases[0];
		const park = c.parkCode;
		const progress = async () => (await boardOf(db, staff, filters())).parks.find((p) => p.parkCode === park)!;
		const before = await progress();

		let v = c.version;
		const step = async (input: Parameters<typeof takeCaseAction>[3]) => {
			const after = await takeCaseAction(db, staff, c.id, input);
			v = after.version;
			return after;
		};
		expect((await step({ action: 'investigate', version: v, note: '现场核查' })).stage).toBe('investigating');
		const confirmed = await step({ action: 'confirm', version: v, decidedOn: today, decision: '超过约定动工日期满一年未动工' });
		expect(confirmed.stage).toBe('confirmed');
		const flagged = (await plotSnapshot(db, c.plotCode))!;
		expect(flagged.isIdle).toBe(true);
		expect((await progress()).inProgressMu).toBeCloseTo(before.inProgressMu + c.areaM2 * MU, 0);

		const disposing = await step({
			action: 'dispose',
			version: v,
			method: 'recovery',
			officer: '王强',
			deadline: plus(20),
			steps: [
				{ text: '下达收回决定书', done: true },
				{ text: '注销登记', done: false }
			]
		});
		expect(disposing.stage).toBe('disposing');
		expect((await plotSnapshot(db, c.plotCode))!.disposalMethod).toBe('recovery');
		expect((await progress()).dueSoon).toBe(before.dueSoon + 1);

		const done = await step({ action: 'complete', version: v, completedOn: today, outcome: '土地已收回' });
		expect(done.stage).toBe('disposed');
		expect(done.steps.every((s) => s.done)).toBe(true);
		const after = await progress();
		expect(after.disposedMu).toBeCloseTo(before.disposedMu + done.areaM2 * MU, 0);
		expect(after.inProgressMu).toBeCloseTo(before.inProgressMu, 0);
		const plot = (await plotSnapshot(db, c.plotCode))!;
		expect([plot.isIdle, plot.disposalMethod]).toEqual([false, null]);

		const entries = await audits(c.id);
		expect(entries.map((e) => e.action)).toEqual(['investigate', 'confirm', 'dispose', 'complete']);
		expect(entries.map((e) => e.after.stage)).toEqual(['investigating', 'confirmed', 'disposing', 'disposed']);
		expect(entries[0].before!.stage).toBe('suspected');
	});

	it('sums and filters in SQL as the domain rules say: overdue, due soon, open, progress per park', async () => {
		const all = await boardOf(db, staff, filters(), new Date(), Infinity);
		expect(all.cases).toHaveLength(all.total);
		for (const due of ['overdue', 'soon'] as const) {
			const listed = await boardOf(db, staff, filters({ due }), new Date(), Infinity);
			const expected = all.cases.filter((c) => (due === 'overdue' ? isOverdue(c, today) : isDueSoon(c, today)));
			expect(listed.cases.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
			expect(listed.total).toBeGreaterThan(0);
		}
		const open = await boardOf(db, staff, filters({ stage: 'open' }), new Date(), Infinity);
		expect(open.cases.every((c) => isOpen(c.stage))).toBe(true);
		expect(open.total).toBe(all.cases.filter((c) => isOpen(c.stage)).length);
		for (const park of all.parks) {
			const mine = all.cases.filter((c) => c.parkCode === park.parkCode);
			expect(park).toMatchObject(targetProgress(mine, park.targetMu, year));
			expect(park.overdue).toBe(mine.filter((c) => isOverdue(c, today)).length);
			expect(park.dueSoon).toBe(mine.filter((c) => isDueSoon(c, today)).length);
		}
		// One page is the first PAGE_SIZE of the same order.
		const first = await boardOf(db, staff, filters());
		expect(first.cases.map((c) => c.id)).toEqual(all.cases.slice(0, first.pageSize).map((c) => c.id));
	});

	it('refuses a stale version (409), a step the stage does not allow (400), a future date (400); nothing is written', async () => {
		const [c] = (await boardOf(db, staff, filters({ stage: 'suspected' }))).cases;
		await expect(takeCaseAction(db, staff, c.id, { action: 'investigate', version: c.version + 1, note: '' })).rejects.toBeInstanceOf(ConflictError);
		await expect(takeCaseAction(db, staff, c.id, { action: 'complete', version: c.version, completedOn: today, outcome: 'x' })).rejects.toBeInstanceOf(
			EditValidationError
		);
		await expect(takeCaseAction(db, staff, c.id, { action: 'confirm', version: c.version, decidedOn: plus(3), decision: 'x' })).rejects.toBeInstanceOf(
			EditValidationError
		);
		expect((await readCase(db, staff, c.id)).stage).toBe('suspected');
		expect(await audits(c.id)).toEqual([]);
	});

	it('editors see their parks only; they investigate and dispose, staff decide', async () => {
		const mine = await boardOf(db, editorNm, filters());
		expect(mine.wholeZone).toBe(false);
		expect(new Set(mine.parks.map((p) => p.parkCode))).toEqual(new Set(['NM', 'NM-RE'].filter((k) => mine.parks.some((p) => p.parkCode === k))));
		expect(mine.cases.every((c) => c.parkCode === 'NM' || c.parkCode === 'NM-RE')).toBe(true);
		const te = (await boardOf(db, staff, filters({ park: 'TE', stage: 'suspected' }))).cases[0];
		await expect(readCase(db, editorNm, te.id)).rejects.toMatchObject({ status: 403 });
		await expect(takeCaseAction(db, editorNm, te.id, { action: 'investigate', version: te.version, note: '' })).rejects.toBeInstanceOf(PermissionError);
		const after = await takeCaseAction(db, editorTe, te.id, { action: 'investigate', version: te.version, note: '' });
		expect(after.stage).toBe('investigating');
		await expect(takeCaseAction(db, editorTe, te.id, { action: 'confirm', version: after.version, decidedOn: today, decision: '认定' })).rejects.toMatchObject({
			status: 403
		});
		const eco = await economyOf(db, editorNm, { park: null, kind: null, tier: null, q: '', highVacancy: false, sort: 'gross', dir: 'desc', page: 1 });
		expect(eco.rows.every((r) => r.parkCode === 'NM' || r.parkCode === 'NM-RE')).toBe(true);
		const teBuilding = (await economyOf(db, staff, { park: 'TE', kind: null, tier: null, q: '', highVacancy: false, sort: 'gross', dir: 'desc', page: 1 }))
			.rows[0];
		await expect(buildingTrend(db, editorNm, teBuilding.code)).rejects.toMatchObject({ status: 403 });
	});

	it('opens a suspicion when the facts meet the legal test, and withdraws it when work starts', async () => {
		const [p] = await db.rows<{ code: string; id: number }>(sql`
			select p.code, p.id from plots p where p.supply_status = 'signed' and p.park_id = (select id from parks where code = 'NM')
			and not exists (select 1 from land_cases c where c.plot_id = p.id) limit 1`);
		const facts = await readLandFacts(db, editorNm, p.code);
		const open = () => db.rows<{ stage: string }>(sql`select stage from land_cases where plot_id = ${p.id} and stage = 'suspected'`);
		const edit = { ...facts, agreedStartDate: plus(-400), contractDate: plus(-600), startedOn: null, stoppedSince: null };
		const saved = await saveLandFacts(db, editorNm, p.code, edit);
		expect(await open()).toHaveLength(1);
		const [g] = await db.rows<{ grounds: { reason: string; consequence: string } }>(sql`select grounds from land_cases where plot_id = ${p.id}`);
		expect([g.grounds.reason, g.grounds.consequence]).toEqual(['not_started', 'idle_fee']);
		await saveLandFacts(db, editorNm, p.code, { ...edit, version: saved.version, startedOn: plus(-10) });
		expect(await open()).toHaveLength(0);
		await expect(saveLandFacts(db, editorTe, p.code, { ...edit, version: saved.version + 1 })).rejects.toBeInstanceOf(PermissionError);
	});

	it('keeps the idle flags to the cases: a plot edit that changes them is refused', async () => {
		const [p] = await db.rows<{ code: string }>(sql`select code from plots where park_id = (select id from parks where code = 'NM') and not is_idle limit 1`);
		const state = (await plotSnapshot(db, p.code))!;
		await expect(updatePlot(db, editorNm, p.code, plotEditOf(state, { isIdle: true }))).rejects.toMatchObject({ fields: { isIdle: 'land.flags_from_cases' } });
	});

	it('thresholds catch low-efficiency land; only administrators set them', async () => {
		const t = await readThresholds(db);
		await expect(saveThresholds(db, staff, { zone: t.zone, parks: [] })).rejects.toBeInstanceOf(PermissionError);
		const count = async () =>
			Number((await db.rows<{ n: number }>(sql`select count(*)::int as n from land_cases where kind = 'low_efficiency' and stage = 'suspected'`))[0].n);
		const before = await count();
		const raised = await saveThresholds(db, admin, { zone: { taxPerMuWan: 40, outputPerMuWan: t.zone.outputPerMuWan }, parks: [] });
		expect(raised.opened).toBeGreaterThan(0);
		expect(await count()).toBe(before + raised.opened);
		const back = await saveThresholds(db, admin, { zone: t.zone, parks: [] });
		expect(back.withdrawn).toBeGreaterThan(0);
	});

	it('the daily job writes nothing when nothing changed, and gives a building missing its month its row', async () => {
		await detectAll(db);
		const [{ n }] = await db.rows<{ n: number }>(
			sql`select count(*)::int as n from land_cases where stage in ('suspected', 'investigating', 'confirmed', 'disposing')`
		);
		expect(Number(n)).toBeGreaterThan(0);
		// Open cases' grounds are stored as jsonb: the same verdict must not count as a change.
		expect(await detectAll(db)).toEqual({ opened: 0, withdrawn: 0, updated: 0 });
		const month = monthOf(new Date());
		await db.rows(sql`delete from building_months where month = ${month}::date and building_id = (select min(id) from buildings where retired_at is null)`);
		expect(await closeMonth(db)).toBe(1);
		expect(await closeMonth(db)).toBe(0);
	});

	it('a unit leased moves the building’s row for the month', async () => {
		const [b] = await db.rows<{ code: string }>(sql`
			select b.code from buildings b join parks k on k.id = b.park_id where k.code = 'NM'
			and exists (select 1 from units u where u.building_id = b.id and u.status = 'vacant') limit 1`);
		const month = monthOf(new Date());
		const row = async () => (await buildingTrend(db, editorNm, b.code)).months.find((m) => m.month === month)!;
		const before = await row();
		const state = (await buildingSnapshot(db, b.code))!;
		const unit = state.units.find((u) => u.status === 'vacant')!;
		await updateUnits(db, editorNm, b.code, state.version, [{ id: unit.id, status: 'leased', areaM2: unit.areaM2 }]);
		const after = await row();
		expect(after.leasedM2).toBeCloseTo(before.leasedM2 + unit.areaM2, 1);
		expect(after.vacantM2).toBeCloseTo(before.vacantM2 - unit.areaM2, 1);
		expect(after.tenants).toBe(before.tenants + 1);
		expect((await buildingTrend(db, editorNm, b.code)).months.length).toBeGreaterThan(12);
		// The list reads the month's rows: they hold what building_occupancy says of every building now.
		const live = await db.rows<{ code: string; vacant: number; rate: number }>(sql`
			select b.code, o.vacant_m2 as vacant, o.rate from buildings b cross join lateral building_occupancy(b.id, b.leasable_area_m2, b.leased_area_m2) o
			where b.retired_at is null`);
		const listed = await economyOf(
			db,
			staff,
			{ park: null, kind: null, tier: null, q: '', highVacancy: false, sort: 'gross', dir: 'desc', page: 1 },
			'zh-CN',
			Infinity
		);
		const byCode = new Map(listed.rows.map((r) => [r.code, r]));
		for (const l of live) {
			expect(byCode.get(l.code)!.vacantM2, l.code).toBeCloseTo(Number(l.vacant), 3);
			expect(byCode.get(l.code)!.occupancy, l.code).toBeCloseTo(Number(l.rate), 6);
		}
		// The long-vacancy flag in SQL is the domain's persistentVacancy.
		for (const r of listed.rows.slice(0, 20)) {
			const { months } = await buildingTrend(db, staff, r.code);
			expect(r.highVacancy, r.code).toBe(persistentVacancy(months, month));
		}
	});

	it('the building economy: zone figures add up, sorting by vacancy is descending, 亿元楼宇 follow the tax', async () => {
		const e = await economyOf(
			db,
			staff,
			{ park: null, kind: null, tier: null, q: '', highVacancy: false, sort: 'vacant', dir: 'desc', page: 1 },
			'zh-CN',
			Infinity
		);
		expect(e.zone.buildings).toBe(e.rows.length);
		expect(e.rows.map((r) => r.vacantM2)).toEqual([...e.rows.map((r) => r.vacantM2)].sort((a, b) => b - a));
		expect(e.zone.over100m).toBe(e.rows.filter((r) => (r.annualTaxWan ?? 0) > 10_000).length);
		// Against the plan's 12 亿元楼宇 this year (the sum of the parks' targets).
		expect(e.zone.target100m).toBe(12);
		expect(e.zone.occupancy).toBeGreaterThan(0.3);
		expect(e.zone.occupancy).toBeLessThan(0.95);
	});
});
