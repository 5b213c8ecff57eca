/**
 * The industry-chain map (产业链图谱): per chain, its links from upstream to downstream, and per
 * link the zone's enterprises (with their marks), the projects in the pipeline, the gap (no firm:
 * 补链; one small firm: 强链), the firms to attract (招商目录) and the standing requirements
 * that name the link. Everyone signed in reads it; staff keep the 招商目录.
 */
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireStaff, requireUser } from '../auth/permissions';
import { recordAudit } from '../audit';
import { ConflictError, EditValidationError, NotFoundError } from '../editing/errors';
import { iso, num, pgArray } from '../db/values';
import { linkGap, type GapKind } from '../../domain/pipeline';
import type { TargetFirmInput, TargetFirmUpdate } from '../../domain/pipeline-schemas';
import type { ProjectStage, TargetFirmStatus } from '../../domain/vocab';

type Rows = Pick<TxHandle, 'rows'>;

export interface TargetFirm {
	id: number;
	link: string;
	name: string;
	location: string;
	reason: string;
	owner: string;
	status: TargetFirmStatus;
	version: number;
	updatedAt: string;
}

export interface ChainLinkView {
	code: string;
	position: number;
	nameZh: string;
	nameEn: string;
	firms: { nameZh: string; nameEn: string; marks: string[]; employees: number | null; outputBand: string | null; park: string | null }[];
	projects: { id: number; nameZh: string; nameEn: string; stage: ProjectStage }[];
	gap: GapKind | null;
	targets: TargetFirm[];
	requirements: number;
}

export interface ChainView {
	code: string;
	industry: string;
	nameZh: string;
	nameEn: string;
	links: ChainLinkView[];
	gaps: number;
}

const targetOf = (r: Record<string, unknown>): TargetFirm => ({
	id: Number(r.id),
	link: String(r.link),
	name: String(r.name),
	location: String(r.location),
	reason: String(r.reason),
	owner: String(r.owner),
	status: r.status as TargetFirmStatus,
	version: Number(r.version),
	updatedAt: iso(r.updated_at)!
});

/** The links of a standing requirement's saved finder query. */
function requirementLinks(filters: unknown): string[] {
	const f = (typeof filters === 'string' ? JSON.parse(filters) : filters) as { query?: string } | null;
	const q = new URLSearchParams(f?.query ?? '');
	return (q.get('link') ?? '').split(',').filter(Boolean);
}

export async function chainMap(db: Rows, user: SessionUser | null): Promise<ChainView[]> {
	requireUser(user);
	const chains = await db.rows<Record<string, unknown>>(sql`
		select c.code, i.code as industry, c.name_zh, c.name_en from chains c join industries i on i.id = c.industry_id order by c.sort_order, c.code`);
	const links = await db.rows<Record<string, unknown>>(sql`
		select c.code as chain, l.code, l.position, l.name_zh, l.name_en from chain_links l join chains c on c.id = l.chain_id order by c.code, l.position`);
	const firms = await db.rows<Record<string, unknown>>(sql`
		select l.code as link, e.name_zh, e.name_en, e.marks, e.employees, e.output_band, k.code as park
		from enterprises e join chain_links l on l.id = e.chain_link_id
		left join plots p on p.id = e.plot_id left join buildings b on b.id = e.building_id left join parks k on k.id = coalesce(p.park_id, b.park_id)
		where e.published order by e.employees desc nulls last, e.name_zh`);
	const projects = await db.rows<Record<string, unknown>>(sql`
		select l.code as link, j.id, j.name_zh, j.name_en, j.stage from projects j join chain_links l on l.id = j.chain_link_id order by j.id`);
	const targets = await db.rows<Record<string, unknown>>(sql`
		select t.id, l.code as link, t.name, t.location, t.reason, t.owner, t.status, t.version, t.updated_at
		from target_firms t join chain_links l on l.id = t.chain_link_id order by t.id`);
	const reqs = await db.rows<{ filters: unknown }>(sql`select filters from requirements where active`);
	const reqCount = new Map<string, number>();
	for (const r of reqs) for (const l of requirementLinks(r.filters)) reqCount.set(l, (reqCount.get(l) ?? 0) + 1);
	return chains.map((c) => {
		const ls: ChainLinkView[] = links
			.filter((l) => l.chain === c.code)
			.map((l) => {
				const fs = firms
					.filter((f) => f.link === l.code)
					.map((f) => ({
						nameZh: String(f.name_zh),
						nameEn: String(f.name_en),
						marks: pgArray(f.marks),
						employees: num(f.employees),
						outputBand: (f.output_band as string | null) ?? null,
						park: (f.park as string | null) ?? null
					}));
				return {
					code: String(l.code),
					position: Number(l.position),
					nameZh: String(l.name_zh),
					nameEn: String(l.name_en),
					firms: fs,
					projects: projects
						.filter((p) => p.link === l.code)
						.map((p) => ({ id: Number(p.id), nameZh: String(p.name_zh), nameEn: String(p.name_en), stage: p.stage as ProjectStage })),
					gap: linkGap(fs),
					targets: targets.filter((t) => t.link === l.code).map(targetOf),
					requirements: reqCount.get(String(l.code)) ?? 0
				};
			});
		return {
			code: String(c.code),
			industry: String(c.industry),
			nameZh: String(c.name_zh),
			nameEn: String(c.name_en),
			links: ls,
			gaps: ls.filter((l) => l.gap).length
		};
	});
}

/** The standing requirements that name a link (for the link's panel): reference, company and when, no contact details. */
export async function linkRequirements(db: Rows, user: SessionUser | null, link: string) {
	requireStaff(user);
	const rows = await db.rows<{ reference: string; company: string; filters: unknown; created_at: unknown }>(
		sql`select reference, company, filters, created_at from requirements where active order by id desc`
	);
	return rows
		.filter((r) => requirementLinks(r.filters).includes(link))
		.map((r) => ({
			reference: r.reference,
			company: r.company,
			query: (typeof r.filters === 'string' ? JSON.parse(r.filters) : r.filters).query as string,
			createdAt: iso(r.created_at)!
		}));
}

async function targetRow(db: Rows, id: number, lock = false): Promise<TargetFirm | null> {
	const [r] = await db.rows<Record<string, unknown>>(sql`
		select t.id, l.code as link, t.name, t.location, t.reason, t.owner, t.status, t.version, t.updated_at
		from target_firms t join chain_links l on l.id = t.chain_link_id where t.id = ${id} ${lock ? sql`for update of t` : sql``}`);
	return r ? targetOf(r) : null;
}

/** A firm put on a link's 招商目录 (staff). */
export async function addTargetFirm(db: Database, user: SessionUser | null, input: TargetFirmInput): Promise<TargetFirm> {
	const u = requireStaff(user);
	return db.transaction(async (tx) => {
		const [l] = await tx.rows<{ id: number }>(sql`select id from chain_links where code = ${input.link}`);
		if (!l) throw new EditValidationError(`No chain link "${input.link}".`, { link: 'pipeline.unknown_link' });
		const [r] = await tx.rows<{ id: number }>(sql`
			insert into target_firms (chain_link_id, name, location, reason, owner, status)
			values (${l.id}, ${input.name}, ${input.location}, ${input.reason}, ${input.owner}, ${input.status}) returning id`);
		const after = (await targetRow(tx, Number(r.id)))!;
		await recordAudit(tx, u, 'create', 'target_firm', after.id, null, after);
		return after;
	});
}

/** A 招商目录 entry changed (staff; 409 when stale). */
export async function updateTargetFirm(db: Database, user: SessionUser | null, id: number, input: TargetFirmUpdate): Promise<TargetFirm> {
	const u = requireStaff(user);
	return db.transaction(async (tx) => {
		const before = await targetRow(tx, id, true);
		if (!before) throw new NotFoundError(`No target firm ${id}.`);
		if (before.version !== input.version) throw new ConflictError(before);
		await tx.rows(sql`
			update target_firms set name = ${input.name}, location = ${input.location}, reason = ${input.reason}, owner = ${input.owner}, status = ${input.status},
				version = version + 1, updated_at = now() where id = ${id}`);
		const after = (await targetRow(tx, id))!;
		await recordAudit(tx, u, 'update', 'target_firm', id, before, after);
		return after;
	});
}

/** A 招商目录 entry taken off the list (staff; 409 when stale). */
export async function removeTargetFirm(db: Database, user: SessionUser | null, id: number, version: number): Promise<void> {
	const u = requireStaff(user);
	await db.transaction(async (tx) => {
		const before = await targetRow(tx, id, true);
		if (!before) throw new NotFoundError(`No target firm ${id}.`);
		if (before.version !== version) throw new ConflictError(before);
		await tx.rows(sql`delete from target_firms where id = ${id}`);
		await recordAudit(tx, u, 'delete', 'target_firm', id, before, null);
	});
}
