/**
 * Land cases, read and moved on. Each step runs in one transaction: the case is locked, the
 * user's role and park checked, its version compared (409 when someone moved it first), the
 * step taken by the rules of `domain/idle-cases`, exactly one audit entry written (before and
 * after), and the plot's own flags (idle, low efficiency, disposal method and deadline) follow
 * the case — so the public map and the finder show what was decided, and only that.
 *
 * Who: promotion staff and administrators decide (confirm, dismiss, complete); the editors of
 * the plot's park may also investigate and keep the disposal (method, officer, deadline, steps).
 */
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { canPlanTours, PermissionError, requireParkEditor, requireUser } from '../auth/permissions';
import { recordAudit } from '../audit';
import { bumpLayerVersions } from '../tiles/versions';
import { ConflictError, EditValidationError, NotFoundError } from '../editing/errors';
import { dateOnly, iso, parseJson } from '../db/values';
import { nextStage, openActions, type CaseAction, type CaseKind, type CaseStage } from '../../domain/idle-cases';
import type { Grounds } from '../../domain/land-suspicion';
import type { CaseActionInput } from '../../domain/ledger-schemas';
import { followCases } from './follow';

type Rows = Pick<TxHandle, 'rows'>;

export interface LandCase {
	id: number;
	plotCode: string;
	plotId: number;
	parkId: number;
	parkCode: string;
	parkNameZh: string;
	parkNameEn: string;
	kind: CaseKind;
	stage: CaseStage;
	grounds: Grounds;
	areaM2: number;
	detectedOn: string;
	decidedOn: string | null;
	decision: string | null;
	method: string | null;
	officer: string | null;
	deadline: string | null;
	steps: { text: string; done: boolean }[];
	completedOn: string | null;
	outcome: string | null;
	version: number;
	updatedAt: string;
}

export const CASE_COLUMNS = sql`c.id, c.plot_id, p.code as plot_code, p.park_id, k.code as park_code, k.name_zh as park_name_zh, k.name_en as park_name_en,
	c.kind, c.stage, c.grounds, c.area_m2, c.detected_on, c.decided_on, c.decision, c.method, c.officer, c.deadline, c.steps,
	c.completed_on, c.outcome, c.version, c.updated_at`;
export const CASE_FROM = sql`land_cases c join plots p on p.id = c.plot_id join parks k on k.id = p.park_id`;

export function caseOf(r: Record<string, unknown>): LandCase {
	return {
		id: Number(r.id),
		plotId: Number(r.plot_id),
		plotCode: String(r.plot_code),
		parkId: Number(r.park_id),
		parkCode: String(r.park_code),
		parkNameZh: String(r.park_name_zh),
		parkNameEn: String(r.park_name_en),
		kind: r.kind as CaseKind,
		stage: r.stage as CaseStage,
		grounds: parseJson<Grounds>(r.grounds),
		areaM2: Number(r.area_m2),
		detectedOn: dateOnly(r.detected_on)!,
		decidedOn: dateOnly(r.decided_on),
		decision: (r.decision as string | null) ?? null,
		method: (r.method as string | null) ?? null,
		officer: (r.officer as string | null) ?? null,
		deadline: dateOnly(r.deadline),
		steps: parseJson<{ text: string; done: boolean }[]>(r.steps) ?? [],
		completedOn: dateOnly(r.completed_on),
		outcome: (r.outcome as string | null) ?? null,
		version: Number(r.version),
		updatedAt: iso(r.updated_at)!
	};
}

async function caseRow(db: Rows, id: number, lock = false): Promise<LandCase | null> {
	const [r] = await db.rows<Record<string, unknown>>(sql`select ${CASE_COLUMNS} from ${CASE_FROM} where c.id = ${id} ${lock ? sql`for update of c` : sql``}`);
	return r ? caseOf(r) : null;
}

const DECIDERS_ONLY = 'Only promotion staff and administrators decide land cases.';

/** Steps only staff take: the decisions. */
const STAFF_ONLY: readonly CaseAction[] = ['confirm', 'dismiss', 'complete'];

/** What the user may do with the case now (the console's buttons). */
export function allowedActions(user: SessionUser, c: LandCase): CaseAction[] {
	return openActions(c.stage).filter((a) => canPlanTours(user) || !STAFF_ONLY.includes(a));
}

/** One case for a user who may see it (404 otherwise, so nothing leaks about other parks). */
export async function readCase(db: Rows, user: SessionUser | null, id: number): Promise<LandCase> {
	const u = requireUser(user);
	const c = await caseRow(db, id);
	if (!c) throw new NotFoundError(`No land case ${id}.`);
	requireParkEditor(u, c.parkId);
	return c;
}

/** The permission of a step, checked before its body is read: the case's park (the decisions' role is checked with the step). */
export async function requireCaseScope(db: Rows, user: SessionUser | null, id: number): Promise<void> {
	await readCase(db, user, id);
}

/** The case's history: its audit entries, newest first. */
export async function caseHistory(db: Rows, id: number) {
	const rows = await db.rows<{ id: number; at: unknown; action: string; user: string | null; before: unknown; after: unknown }>(sql`
		select a.id, a.at, a.action, u.display_name as user, a.before, a.after
		from audit_entries a left join users u on u.id = a.user_id
		where a.entity = 'land_case' and a.entity_id = ${String(id)} order by a.id desc limit 100`);
	return rows.map((r) => ({ id: Number(r.id), at: iso(r.at)!, action: r.action, user: r.user, after: parseJson<Partial<LandCase> | null>(r.after) }));
}

const today = () => new Date().toISOString().slice(0, 10);

/** Moves a case on by one step. */
export async function takeCaseAction(db: Database, user: SessionUser | null, id: number, input: CaseActionInput): Promise<LandCase> {
	const u = requireUser(user);
	return db.transaction(async (tx) => {
		const before = await caseRow(tx, id, true);
		if (!before) throw new NotFoundError(`No land case ${id}.`);
		requireParkEditor(u, before.parkId);
		if (STAFF_ONLY.includes(input.action) && !canPlanTours(u)) throw new PermissionError(403, DECIDERS_ONLY);
		if (before.version !== input.version) throw new ConflictError(before);
		const to = nextStage(before.stage, input.action);
		if (!to) {
			throw new EditValidationError(`A case that is "${before.stage}" cannot be moved on by "${input.action}".`, { action: 'land.bad_step' });
		}
		const now = today();
		const set = await stepColumns(tx, before, input, now);
		await tx.rows(sql`update land_cases set stage = ${to}, ${set}, version = version + 1, updated_at = now() where id = ${id}`);
		await followCases(tx, [before.plotId]);
		const after = (await caseRow(tx, id))!;
		await recordAudit(tx, u, input.action, 'land_case', id, auditImage(before), auditImage(after));
		await bumpLayerVersions(tx, ['plots']);
		return after;
	});
}

/** The columns a step writes, after its own checks (dates that cannot be, steps of a finished disposal). */
async function stepColumns(tx: Rows, c: LandCase, input: CaseActionInput, now: string) {
	const [plot] = await tx.rows<{ area_m2: number }>(sql`select area_m2 from plots where id = ${c.plotId}`);
	const area = sql`area_m2 = ${Number(plot.area_m2)}`;
	switch (input.action) {
		case 'investigate':
			return sql`${area}, decision = ${input.note || null}`;
		case 'confirm':
		case 'dismiss':
			if (input.decidedOn > now) throw new EditValidationError('The decision cannot be dated in the future.', { decidedOn: 'land.future_date' });
			if (input.decidedOn < c.detectedOn)
				throw new EditValidationError(`The decision cannot be dated before the case was found (${c.detectedOn}).`, { decidedOn: 'land.before_detected' });
			return sql`${area}, decided_on = ${input.decidedOn}::date, decision = ${input.decision}`;
		case 'dispose':
			if (c.decidedOn && input.deadline < c.decidedOn)
				throw new EditValidationError(`The deadline cannot be before the case was confirmed (${c.decidedOn}).`, { deadline: 'land.deadline_before_decision' });
			return sql`${area}, method = ${input.method}, officer = ${input.officer}, deadline = ${input.deadline}::date, steps = ${JSON.stringify(input.steps)}::jsonb`;
		case 'complete':
			if (input.completedOn > now) throw new EditValidationError('The disposal cannot be completed in the future.', { completedOn: 'land.future_date' });
			if (c.decidedOn && input.completedOn < c.decidedOn)
				throw new EditValidationError(`The disposal cannot be completed before the case was confirmed (${c.decidedOn}).`, {
					completedOn: 'land.before_decision'
				});
			return sql`${area}, completed_on = ${input.completedOn}::date, outcome = ${input.outcome},
				steps = (select coalesce(jsonb_agg(jsonb_set(s, '{done}', 'true'::jsonb)), '[]'::jsonb) from jsonb_array_elements(steps) s)`;
	}
}

/** What the audit log keeps of a case: its decision-bearing fields, not the joined names. */
function auditImage(c: LandCase) {
	return {
		plotCode: c.plotCode,
		kind: c.kind,
		stage: c.stage,
		areaM2: c.areaM2,
		decidedOn: c.decidedOn,
		decision: c.decision,
		method: c.method,
		officer: c.officer,
		deadline: c.deadline,
		steps: c.steps,
		completedOn: c.completedOn,
		outcome: c.outcome,
		version: c.version
	};
}
