/**
 * The project pipeline (项目全周期): projects from lead to feedback with the date of each move,
 * their money, chain link, site, officer (项目服务经理) and leader (帮包领导), milestones, problem
 * list (问题清单) and weekly updates (一周一调度). Staff see and write every project, a park
 * editor those of their parks. Each write runs in one transaction with its scope checked first,
 * its version compared (409 when stale) and one audit entry.
 */
import { sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '../db/lists';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireParkEditor, requireStaff, requireUser } from '../auth/permissions';
import { inVisibleParks } from '../auth/scope';
import { recordAudit } from '../audit';
import { ConflictError, EditValidationError, NotFoundError } from '../editing/errors';
import { dateOnly, iso, num, parseJson } from '../db/values';
import { loadSettings } from '../settings';
import { mondayOf, moveDates, projectMoves, projectWarnings, type Warning, type WarningRules } from '../../domain/pipeline';
import type { PipelineFilters, ProjectActionInput, ProjectCreateInput, ProjectFields } from '../../domain/pipeline-schemas';
import type { ProjectStage } from '../../domain/vocab';
import type { Enquiry } from './inbox';

type Rows = Pick<TxHandle, 'rows'>;
export const PIPELINE_PAGE = 50;

export interface Problem {
	id: number;
	text: string;
	owner: string;
	dueOn: string;
	resolvedOn: string | null;
}

export interface Project {
	id: number;
	nameZh: string;
	nameEn: string;
	investorName: string;
	stage: ProjectStage;
	parkId: number | null;
	parkCode: string | null;
	parkNameZh: string | null;
	parkNameEn: string | null;
	industry: string | null;
	chain: string | null;
	chainLink: string | null;
	linkNameZh: string | null;
	linkNameEn: string | null;
	site: { kind: 'plot' | 'building'; code: string } | null;
	/** The site's (or, without one, the park's) point, for the 挂图作战 map. */
	lon: number | null;
	lat: number | null;
	investmentWan: number | null;
	fundsInPlaceWan: number | null;
	foreignCapitalUsd: number | null;
	leadAt: string | null;
	negotiationAt: string | null;
	signedAt: string | null;
	startedAt: string | null;
	productionAt: string | null;
	feedbackAt: string | null;
	officerName: string;
	leaderName: string;
	milestones: { text: string; due: string | null; done: boolean }[];
	lastUpdateOn: string | null;
	notes: string;
	enquiryReference: string | null;
	problems: Problem[];
	warnings: Warning[];
	version: number;
	updatedAt: string;
}

const FROM = sql`projects j
	left join plots p on p.id = j.plot_id left join buildings b on b.id = j.building_id left join parks k on k.id = j.park_id
	left join industries i on i.id = j.industry_id left join chain_links l on l.id = j.chain_link_id left join chains c on c.id = l.chain_id`;
const COLUMNS = sql`j.id, j.name_zh, j.name_en, j.investor_name, j.stage, j.park_id, k.code as park_code, k.name_zh as park_name_zh, k.name_en as park_name_en,
	i.code as industry, c.code as chain, l.code as chain_link, l.name_zh as link_name_zh, l.name_en as link_name_en, p.code as plot_code, b.code as building_code,
	ST_X(coalesce(ST_PointOnSurface(p.boundary), ST_PointOnSurface(b.footprint), ST_PointOnSurface(k.boundary))) as lon,
	ST_Y(coalesce(ST_PointOnSurface(p.boundary), ST_PointOnSurface(b.footprint), ST_PointOnSurface(k.boundary))) as lat,
	j.investment_wan, j.funds_in_place_wan, j.foreign_capital_usd, j.lead_at, j.negotiation_at, j.signed_at, j.started_at, j.production_at, j.feedback_at,
	j.officer_name, j.leader_name, j.milestones, j.last_update_on, j.notes, j.version, j.updated_at,
	(select e.reference from enquiries e where e.project_id = j.id order by e.id limit 1) as enquiry_reference,
	coalesce((select json_agg(json_build_object('id', q.id, 'text', q.text, 'owner', q.owner, 'dueOn', q.due_on, 'resolvedOn', q.resolved_on) order by q.due_on, q.id)
		from project_problems q where q.project_id = j.id), '[]'::json) as problems`;

function projectOf(r: Record<string, unknown>, today: string, rules: WarningRules): Project {
	const problems = parseJson<{ id: number; text: string; owner: string; dueOn: string; resolvedOn: string | null }[]>(r.problems).map((q) => ({
		id: Number(q.id),
		text: q.text,
		owner: q.owner,
		dueOn: dateOnly(q.dueOn)!,
		resolvedOn: dateOnly(q.resolvedOn)
	}));
	const p: Project = {
		id: Number(r.id),
		nameZh: String(r.name_zh),
		nameEn: String(r.name_en),
		investorName: String(r.investor_name),
		stage: r.stage as ProjectStage,
		parkId: num(r.park_id),
		parkCode: (r.park_code as string | null) ?? null,
		parkNameZh: (r.park_name_zh as string | null) ?? null,
		parkNameEn: (r.park_name_en as string | null) ?? null,
		industry: (r.industry as string | null) ?? null,
		chain: (r.chain as string | null) ?? null,
		chainLink: (r.chain_link as string | null) ?? null,
		linkNameZh: (r.link_name_zh as string | null) ?? null,
		linkNameEn: (r.link_name_en as string | null) ?? null,
		site: r.plot_code ? { kind: 'plot', code: String(r.plot_code) } : r.building_code ? { kind: 'building', code: String(r.building_code) } : null,
		lon: num(r.lon),
		lat: num(r.lat),
		investmentWan: num(r.investment_wan),
		fundsInPlaceWan: num(r.funds_in_place_wan),
		foreignCapitalUsd: num(r.foreign_capital_usd),
		leadAt: dateOnly(r.lead_at),
		negotiationAt: dateOnly(r.negotiation_at),
		signedAt: dateOnly(r.signed_at),
		startedAt: dateOnly(r.started_at),
		productionAt: dateOnly(r.production_at),
		feedbackAt: dateOnly(r.feedback_at),
		officerName: String(r.officer_name ?? ''),
		leaderName: String(r.leader_name ?? ''),
		milestones: parseJson<Project['milestones']>(r.milestones) ?? [],
		lastUpdateOn: dateOnly(r.last_update_on),
		notes: String(r.notes ?? ''),
		enquiryReference: (r.enquiry_reference as string | null) ?? null,
		problems,
		warnings: [],
		version: Number(r.version),
		updatedAt: iso(r.updated_at)!
	};
	p.warnings = projectWarnings(p, today, rules);
	return p;
}

const today = () => new Date().toISOString().slice(0, 10);

export async function warningRules(db: Rows): Promise<WarningRules> {
	const { pipeline } = (await loadSettings(db)).settings;
	return { signedNotStartedDays: pipeline.signedNotStartedDays, stalledWeeks: pipeline.stalledWeeks };
}

async function projectRow(db: Rows, id: number, lock = false): Promise<Project | null> {
	const [r] = await db.rows<Record<string, unknown>>(sql`select ${COLUMNS} from ${FROM} where j.id = ${id} ${lock ? sql`for update of j` : sql``}`);
	return r ? projectOf(r, today(), await warningRules(db)) : null;
}

/** Staff see every project; a park editor those of their parks (a project with no park is the staff's). */
function requireProjectScope(user: SessionUser, p: Pick<Project, 'parkId'>) {
	if (p.parkId === null) requireStaff(user);
	else requireParkEditor(user, p.parkId);
}

export async function readProject(db: Rows, user: SessionUser | null, id: number): Promise<Project> {
	const u = requireUser(user);
	const p = await projectRow(db, id);
	if (!p) throw new NotFoundError(`No project ${id}.`);
	requireProjectScope(u, p);
	return p;
}

function pipelineWhere(user: SessionUser, f: Pick<PipelineFilters, 'stage' | 'park' | 'chain' | 'q'>): SQL {
	const parts: SQL[] = [sql`true`, inVisibleParks(sql`j.park_id`, user)];
	if (f.stage) parts.push(sql`and j.stage = ${f.stage}`);
	if (f.park) parts.push(sql`and k.code = ${f.park}`);
	if (f.chain) parts.push(sql`and (c.code = ${f.chain} or l.code = ${f.chain})`);
	if (f.q) {
		const like = containsPattern(f.q);
		parts.push(sql`and (j.name_zh ilike ${like} or j.name_en ilike ${like} or j.investor_name ilike ${like} or j.officer_name ilike ${like})`);
	}
	return sql.join(parts, sql` `);
}

/**
 * Every project the user sees that fits the filters, with its warnings (the stage, park and
 * chain are filtered in SQL; the warnings, which depend on today's date and the settings, here).
 */
export async function pipelineProjects(db: Rows, user: SessionUser | null, f: Omit<PipelineFilters, 'page'>): Promise<Project[]> {
	const u = requireUser(user);
	const rules = await warningRules(db);
	const d = today();
	const rows = await db.rows<Record<string, unknown>>(sql`select ${COLUMNS} from ${FROM} where ${pipelineWhere(u, f)} order by j.updated_at desc, j.id desc`);
	const all = rows.map((r) => projectOf(r, d, rules));
	if (!f.warning) return all;
	return all.filter((p) => (f.warning === 'any' ? p.warnings.length > 0 : p.warnings.includes(f.warning!)));
}

export async function listPipeline(db: Rows, user: SessionUser | null, f: PipelineFilters) {
	const all = await pipelineProjects(db, user, f);
	const pages = Math.max(1, Math.ceil(all.length / PIPELINE_PAGE));
	const page = Math.min(f.page, pages);
	const byStage: Record<string, number> = {};
	for (const p of all) byStage[p.stage] = (byStage[p.stage] ?? 0) + 1;
	return {
		rows: all.slice((page - 1) * PIPELINE_PAGE, page * PIPELINE_PAGE),
		total: all.length,
		page,
		pages,
		byStage,
		warned: all.filter((p) => p.warnings.length > 0).length,
		investmentWan: all.reduce((s, p) => s + (p.investmentWan ?? 0), 0)
	};
}

/** The project's history: its audit entries and weekly updates, newest first. */
export async function projectHistory(db: Rows, id: number) {
	const updates = await db.rows<Record<string, unknown>>(sql`
		select w.id, w.week_of, w.progress, w.next_steps, w.funds_in_place_wan, w.created_at, u.display_name as user
		from project_updates w left join users u on u.id = w.user_id where w.project_id = ${id} order by w.week_of desc limit 104`);
	const audits = await db.rows<Record<string, unknown>>(sql`
		select a.id, a.at, a.action, a.entity, u.display_name as user, a.after from audit_entries a left join users u on u.id = a.user_id
		where (a.entity = 'project' and a.entity_id = ${String(id)})
			or (a.entity = 'enquiry' and a.entity_id in (select e.id::text from enquiries e where e.project_id = ${id}))
		order by a.id desc limit 200`);
	return {
		updates: updates.map((r) => ({
			id: Number(r.id),
			weekOf: dateOnly(r.week_of)!,
			progress: String(r.progress),
			nextSteps: String(r.next_steps ?? ''),
			fundsInPlaceWan: num(r.funds_in_place_wan),
			at: iso(r.created_at)!,
			user: (r.user as string | null) ?? null
		})),
		audits: audits.map((r) => ({
			id: Number(r.id),
			at: iso(r.at)!,
			action: String(r.action),
			entity: String(r.entity),
			user: (r.user as string | null) ?? null,
			after: parseJson<Record<string, unknown> | null>(r.after)
		}))
	};
}

/** The ids a project's references name: park, chain link (and its industry), site — each must exist; the site must be in the park. */
async function resolveRefs(tx: Rows, f: Pick<ProjectFields, 'park' | 'chainLink' | 'site'>) {
	let parkId: number | null = null;
	if (f.park) {
		const [k] = await tx.rows<{ id: number }>(sql`select id from parks where code = ${f.park}`);
		if (!k) throw new EditValidationError(`No park "${f.park}".`, { park: 'pipeline.unknown_park' });
		parkId = Number(k.id);
	}
	let linkId: number | null = null;
	let industryId: number | null = null;
	if (f.chainLink) {
		const [l] = await tx.rows<{ id: number; industry_id: number }>(
			sql`select l.id, c.industry_id from chain_links l join chains c on c.id = l.chain_id where l.code = ${f.chainLink}`
		);
		if (!l) throw new EditValidationError(`No chain link "${f.chainLink}".`, { chainLink: 'pipeline.unknown_link' });
		linkId = Number(l.id);
		industryId = Number(l.industry_id);
	}
	let plotId: number | null = null;
	let buildingId: number | null = null;
	if (f.site) {
		const table = f.site.kind === 'plot' ? sql`plots` : sql`buildings`;
		const [s] = await tx.rows<{ id: number; park_id: number | null }>(sql`select id, park_id from ${table} where code = ${f.site.code} and retired_at is null`);
		if (!s) throw new EditValidationError(`No ${f.site.kind} "${f.site.code}".`, { site: 'pipeline.unknown_site' });
		if (parkId !== null && s.park_id !== null && Number(s.park_id) !== parkId)
			throw new EditValidationError('The site is not in the project’s park.', { site: 'pipeline.site_outside_park' });
		parkId = parkId ?? num(s.park_id);
		if (f.site.kind === 'plot') plotId = Number(s.id);
		else buildingId = Number(s.id);
	}
	return { parkId, linkId, industryId, plotId, buildingId };
}

const image = (p: Project) => {
	const { warnings: _w, problems: _p, lon: _x, lat: _y, ...rest } = p;
	return rest;
};

/** A new project (staff anywhere; an editor in their parks). */
export async function createProject(db: Database, user: SessionUser | null, input: ProjectCreateInput): Promise<Project> {
	const u = requireUser(user);
	return db.transaction(async (tx) => {
		const refs = await resolveRefs(tx, input);
		requireProjectScope(u, { parkId: refs.parkId });
		const d = today();
		const dates = moveDates(
			{ stage: 'lead', leadAt: d, negotiationAt: null, signedAt: null, startedAt: null, productionAt: null, feedbackAt: null },
			input.stage,
			d
		);
		const [r] = await tx.rows<{ id: number }>(sql`
			insert into projects (name_zh, name_en, investor_name, industry_id, chain_link_id, stage, park_id, plot_id, building_id, investment_wan,
				funds_in_place_wan, foreign_capital_usd, lead_at, negotiation_at, signed_at, started_at, production_at, feedback_at, officer_name,
				leader_name, milestones, notes)
			values (${input.nameZh}, ${input.nameEn || input.nameZh}, ${input.investorName}, ${refs.industryId}, ${refs.linkId}, ${input.stage}, ${refs.parkId},
				${refs.plotId}, ${refs.buildingId}, ${input.investmentWan}, ${input.fundsInPlaceWan}, ${input.foreignCapitalUsd}, ${d},
				${dates?.negotiationAt ?? null}, ${dates?.signedAt ?? null}, ${dates?.startedAt ?? null}, ${dates?.productionAt ?? null},
				${dates?.feedbackAt ?? null}, ${input.officerName}, ${input.leaderName}, ${JSON.stringify(input.milestones)}::jsonb, ${input.notes})
			returning id`);
		const after = (await projectRow(tx, Number(r.id)))!;
		await recordAudit(tx, u, 'create', 'project', after.id, null, image(after));
		return after;
	});
}

/** The project a won enquiry becomes: its company, site, park and industry, at the negotiation stage, dated from the enquiry. */
export async function createProjectFromEnquiry(tx: TxHandle, user: SessionUser, e: Enquiry): Promise<number> {
	const site = e.siteKind === 'park' || !e.siteCode ? null : e.siteCode;
	const [r] = await tx.rows<{ id: number }>(sql`
		insert into projects (name_zh, name_en, investor_name, industry_id, stage, park_id, plot_id, building_id, lead_at, negotiation_at, officer_name, notes)
		select ${`${e.company}项目`}, ${`${e.company} project`}, ${e.company}, en.industry_id, 'negotiation', ${e.parkId}, en.plot_id, en.building_id,
			en.created_at::date, current_date, coalesce(u.display_name, ''), ${`${e.reference}${site ? ` · ${site}` : ''}\n${e.message}`.slice(0, 4000)}
		from enquiries en left join users u on u.id = en.owner_id where en.id = ${e.id}
		returning id`);
	const after = (await projectRow(tx, Number(r.id)))!;
	await recordAudit(tx, user, 'create', 'project', after.id, null, { ...image(after), fromEnquiry: e.reference });
	return after.id;
}

/** One step on a project: its facts, a stage move, a weekly update, a problem, a problem solved. */
export async function takeProjectAction(db: Database, user: SessionUser | null, id: number, input: ProjectActionInput): Promise<Project> {
	const u = requireUser(user);
	return db.transaction(async (tx) => {
		const before = await projectRow(tx, id, true);
		if (!before) throw new NotFoundError(`No project ${id}.`);
		requireProjectScope(u, before);
		if (before.version !== input.version) throw new ConflictError(before);
		const d = today();
		let action: 'update' | 'move' | 'report' | 'problem' | 'resolve' = 'update';
		let extra: Record<string, unknown> = {};
		switch (input.action) {
			case 'edit': {
				const f = input.fields;
				const refs = await resolveRefs(tx, f);
				requireProjectScope(u, { parkId: refs.parkId });
				await tx.rows(sql`
					update projects set name_zh = ${f.nameZh}, name_en = ${f.nameEn || f.nameZh}, investor_name = ${f.investorName}, industry_id = ${refs.industryId},
						chain_link_id = ${refs.linkId}, park_id = ${refs.parkId}, plot_id = ${refs.plotId}, building_id = ${refs.buildingId},
						investment_wan = ${f.investmentWan}, funds_in_place_wan = ${f.fundsInPlaceWan}, foreign_capital_usd = ${f.foreignCapitalUsd},
						officer_name = ${f.officerName}, leader_name = ${f.leaderName}, milestones = ${JSON.stringify(f.milestones)}::jsonb, notes = ${f.notes}
					where id = ${id}`);
				break;
			}
			case 'move': {
				if (input.on > d) throw new EditValidationError('A move cannot be dated in the future.', { on: 'pipeline.future_date' });
				const dates = moveDates(before, input.to, input.on);
				if (!dates) {
					const forward = projectMoves(before.stage).includes(input.to);
					throw new EditValidationError(
						forward ? 'The date comes before a stage the project already reached.' : `A project that is "${before.stage}" cannot move to "${input.to}".`,
						forward ? { on: 'pipeline.date_before_stage' } : { to: 'pipeline.bad_stage' }
					);
				}
				await tx.rows(sql`
					update projects set stage = ${input.to}, negotiation_at = coalesce(${dates.negotiationAt ?? null}, negotiation_at),
						signed_at = coalesce(${dates.signedAt ?? null}, signed_at), started_at = coalesce(${dates.startedAt ?? null}, started_at),
						production_at = coalesce(${dates.productionAt ?? null}, production_at), feedback_at = coalesce(${dates.feedbackAt ?? null}, feedback_at)
					where id = ${id}`);
				action = 'move';
				break;
			}
			case 'update': {
				const week = mondayOf(input.weekOf);
				if (week > d) throw new EditValidationError('A weekly update cannot be for a week to come.', { weekOf: 'pipeline.future_date' });
				await tx.rows(sql`
					insert into project_updates (project_id, week_of, progress, next_steps, funds_in_place_wan, user_id)
					values (${id}, ${week}, ${input.progress}, ${input.nextSteps}, ${input.fundsInPlaceWan}, ${u.id})
					on conflict (project_id, week_of) do update set progress = excluded.progress, next_steps = excluded.next_steps,
						funds_in_place_wan = excluded.funds_in_place_wan, user_id = excluded.user_id, created_at = now()`);
				await tx.rows(sql`
					update projects set last_update_on = greatest(coalesce(last_update_on, ${week}), ${week}),
						funds_in_place_wan = coalesce(${input.fundsInPlaceWan}, funds_in_place_wan)
					where id = ${id}`);
				action = 'report';
				extra = { weekOf: week, progress: input.progress };
				break;
			}
			case 'problem': {
				const [q] = await tx.rows<{ id: number }>(
					sql`insert into project_problems (project_id, text, owner, due_on) values (${id}, ${input.text}, ${input.owner}, ${input.dueOn}) returning id`
				);
				action = 'problem';
				extra = { problemId: Number(q.id), text: input.text };
				break;
			}
			case 'resolve': {
				const q = before.problems.find((x) => x.id === input.problemId);
				if (!q) throw new NotFoundError(`Project ${id} has no problem ${input.problemId}.`);
				if (q.resolvedOn) throw new EditValidationError('That problem is already solved.', { problemId: 'pipeline.already_solved' });
				if (input.resolvedOn > d) throw new EditValidationError('A problem cannot be solved in the future.', { resolvedOn: 'pipeline.future_date' });
				await tx.rows(sql`update project_problems set resolved_on = ${input.resolvedOn} where id = ${q.id}`);
				action = 'resolve';
				extra = { problemId: q.id, text: q.text };
				break;
			}
		}
		await tx.rows(sql`update projects set version = version + 1, updated_at = now() where id = ${id}`);
		const after = (await projectRow(tx, id))!;
		await recordAudit(tx, u, action, 'project', id, image(before), { ...image(after), ...extra });
		return after;
	});
}
