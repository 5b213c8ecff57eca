/**
 * The industry taxonomy (admin): industries, chains and their ordered links (upstream →
 * downstream), zh/en names, order. A term in use is retired only by merging it into another
 * of its kind: every record that used it (listed first by `termUsage`) then uses the other,
 * in the same transaction, with one audit entry naming them.
 */
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireAdmin } from '../auth/permissions';
import { recordAudit } from '../audit';
import { bumpLayerVersions } from '../tiles/versions';
import { EditValidationError, NotFoundError } from '../editing/errors';
import { forgetTaxonomy } from '../search/taxonomy';
import { LAYERS } from '../../domain/vocab';
import type { TermKind } from '../../domain/admin-schemas';
import type { z } from 'zod';
import type { chainLinksSchema, chainSchema, industrySchema } from '../../domain/admin-schemas';

type Industry = z.infer<typeof industrySchema>;
type Chain = z.infer<typeof chainSchema>;
type Links = z.infer<typeof chainLinksSchema>['links'];

export interface TermRow {
	code: string;
	nameZh: string;
	nameEn: string;
	/** Records that use the term. */
	uses: number;
}

export interface TaxonomyTree {
	industries: (TermRow & { group: string })[];
	chains: (TermRow & { industry: string; links: (TermRow & { position: number })[] })[];
}

/** Uses of each term, as one count: what a merge would move. */
const INDUSTRY_USES = sql`(select count(*) from park_industries x where x.industry_id = i.id) + (select count(*) from plot_industries x where x.industry_id = i.id)
	+ (select count(*) from enterprises x where x.industry_id = i.id) + (select count(*) from units x where x.tenant_industry_id = i.id)
	+ (select count(*) from enquiries x where x.industry_id = i.id) + (select count(*) from projects x where x.industry_id = i.id)
	+ (select count(*) from chains x where x.industry_id = i.id)
	+ (select count(*) from requirements x where x.filters->>'industry' = i.code)`;
const CHAIN_USES = sql`(select count(*) from park_chains x where x.chain_id = c.id)
	+ (select count(*) from requirements x where x.filters->>'chain' = c.code)`;
const LINK_USES = sql`(select count(*) from enterprises x where x.chain_link_id = l.id) + (select count(*) from projects x where x.chain_link_id = l.id)
	+ (select count(*) from requirements x where x.filters->>'link' = l.code)`;

/** The whole taxonomy with how often each term is used (admin). */
export async function taxonomyTree(db: Pick<Database, 'rows'>, user: SessionUser | null): Promise<TaxonomyTree> {
	requireAdmin(user);
	const industries = await db.rows<{ code: string; name_zh: string; name_en: string; grp: string; uses: number }>(
		sql`select i.code, i.name_zh, i.name_en, i.grp, (${INDUSTRY_USES})::int as uses from industries i order by i.sort_order, i.id`
	);
	const chains = await db.rows<{ id: number; code: string; name_zh: string; name_en: string; industry: string; uses: number }>(
		sql`select c.id, c.code, c.name_zh, c.name_en, i.code as industry, (${CHAIN_USES})::int as uses
			from chains c join industries i on i.id = c.industry_id order by c.sort_order, c.id`
	);
	const links = await db.rows<{ chain_id: number; code: string; name_zh: string; name_en: string; position: number; uses: number }>(
		sql`select l.chain_id, l.code, l.name_zh, l.name_en, l.position, (${LINK_USES})::int as uses from chain_links l order by l.chain_id, l.position`
	);
	const term = (r: { code: string; name_zh: string; name_en: string; uses: number }) => ({
		code: r.code,
		nameZh: r.name_zh,
		nameEn: r.name_en,
		uses: Number(r.uses)
	});
	return {
		industries: industries.map((r) => ({ ...term(r), group: r.grp })),
		chains: chains.map((c) => ({
			...term(c),
			industry: c.industry,
			links: links.filter((l) => Number(l.chain_id) === Number(c.id)).map((l) => ({ ...term(l), position: Number(l.position) }))
		}))
	};
}

export interface TermUsage {
	kind: string;
	codes: string[];
	count: number;
}

/** The records that use a term, by kind (up to 50 codes each): shown before a merge. */
export async function termUsage(db: Pick<Database, 'rows'>, user: SessionUser | null, kind: TermKind, code: string): Promise<TermUsage[]> {
	requireAdmin(user);
	const id = await termId(db, kind, code);
	const lists: [string, ReturnType<typeof sql>][] =
		kind === 'industry'
			? [
					['parks', sql`select p.code from park_industries x join parks p on p.id = x.park_id where x.industry_id = ${id}`],
					['plots', sql`select p.code from plot_industries x join plots p on p.id = x.plot_id where x.industry_id = ${id}`],
					['enterprises', sql`select x.name_zh as code from enterprises x where x.industry_id = ${id}`],
					[
						'units',
						sql`select b.code || ' ' || x.floor || '-' || x.unit_no as code from units x join buildings b on b.id = x.building_id where x.tenant_industry_id = ${id}`
					],
					['enquiries', sql`select x.reference as code from enquiries x where x.industry_id = ${id}`],
					['projects', sql`select x.name_zh as code from projects x where x.industry_id = ${id}`],
					['chains', sql`select x.code from chains x where x.industry_id = ${id}`],
					['requirements', sql`select x.reference as code from requirements x where x.filters->>'industry' = ${code}`]
				]
			: kind === 'chain'
				? [
						['parks', sql`select p.code from park_chains x join parks p on p.id = x.park_id where x.chain_id = ${id}`],
						['links', sql`select x.code from chain_links x where x.chain_id = ${id}`],
						['requirements', sql`select x.reference as code from requirements x where x.filters->>'chain' = ${code}`]
					]
				: [
						['enterprises', sql`select x.name_zh as code from enterprises x where x.chain_link_id = ${id}`],
						['projects', sql`select x.name_zh as code from projects x where x.chain_link_id = ${id}`],
						['requirements', sql`select x.reference as code from requirements x where x.filters->>'link' = ${code}`]
					];
	const out: TermUsage[] = [];
	for (const [k, q] of lists) {
		const rows = await db.rows<{ code: string; total: number }>(sql`select code, count(*) over () as total from (${q}) u order by code limit 50`);
		if (rows.length) out.push({ kind: k, codes: rows.map((r) => String(r.code)), count: Number(rows[0].total) });
	}
	return out;
}

const TABLE: Record<TermKind, ReturnType<typeof sql>> = { industry: sql`industries`, chain: sql`chains`, link: sql`chain_links` };

async function termId(db: Pick<Database, 'rows'>, kind: TermKind, code: string): Promise<number> {
	const [r] = await db.rows<{ id: number }>(sql`select id from ${TABLE[kind]} where code = ${code}`);
	if (!r) throw new NotFoundError(`No ${kind} "${code}".`);
	return Number(r.id);
}

async function afterTaxonomyWrite(db: Database, tx: TxHandle): Promise<void> {
	// Tiles carry industry codes and the finder names terms: every cached answer is built again.
	await bumpLayerVersions(tx, LAYERS);
	forgetTaxonomy(db);
}

async function codeFree(tx: TxHandle, kind: TermKind, code: string): Promise<void> {
	const [r] = await tx.rows(sql`select 1 from ${TABLE[kind]} where code = ${code}`);
	if (r) throw new EditValidationError(`The code "${code}" is taken.`, { code: 'admin.code_taken' });
}

export async function createIndustry(db: Database, user: SessionUser | null, input: Industry): Promise<void> {
	const u = requireAdmin(user);
	await db.transaction(async (tx) => {
		await codeFree(tx, 'industry', input.code);
		await tx.rows(sql`insert into industries (code, name_zh, name_en, grp, sort_order)
			values (${input.code}, ${input.nameZh}, ${input.nameEn}, ${input.group}, (select coalesce(max(sort_order), 0) + 1 from industries))`);
		await recordAudit(tx, u, 'create', 'industry', input.code, null, input);
		await afterTaxonomyWrite(db, tx);
	});
	forgetTaxonomy(db);
}

export async function updateIndustry(db: Database, user: SessionUser | null, code: string, input: Omit<Industry, 'code'>): Promise<void> {
	const u = requireAdmin(user);
	await db.transaction(async (tx) => {
		const [b] = await tx.rows<{ name_zh: string; name_en: string; grp: string }>(
			sql`select name_zh, name_en, grp from industries where code = ${code} for update`
		);
		if (!b) throw new NotFoundError(`No industry "${code}".`);
		await tx.rows(sql`update industries set name_zh = ${input.nameZh}, name_en = ${input.nameEn}, grp = ${input.group} where code = ${code}`);
		await recordAudit(tx, u, 'update', 'industry', code, { nameZh: b.name_zh, nameEn: b.name_en, group: b.grp }, input);
		await afterTaxonomyWrite(db, tx);
	});
	forgetTaxonomy(db);
}

async function industryIdOf(tx: TxHandle, code: string): Promise<number> {
	const [r] = await tx.rows<{ id: number }>(sql`select id from industries where code = ${code}`);
	if (!r) throw new EditValidationError(`No industry "${code}".`, { industry: 'admin.unknown_term' });
	return Number(r.id);
}

export async function createChain(db: Database, user: SessionUser | null, input: Chain): Promise<void> {
	const u = requireAdmin(user);
	await db.transaction(async (tx) => {
		await codeFree(tx, 'chain', input.code);
		const industry = await industryIdOf(tx, input.industry);
		await tx.rows(sql`insert into chains (code, industry_id, name_zh, name_en, sort_order)
			values (${input.code}, ${industry}, ${input.nameZh}, ${input.nameEn}, (select coalesce(max(sort_order), 0) + 1 from chains))`);
		await recordAudit(tx, u, 'create', 'chain', input.code, null, input);
		await afterTaxonomyWrite(db, tx);
	});
	forgetTaxonomy(db);
}

export async function updateChain(db: Database, user: SessionUser | null, code: string, input: Omit<Chain, 'code'>): Promise<void> {
	const u = requireAdmin(user);
	await db.transaction(async (tx) => {
		const [b] = await tx.rows<{ name_zh: string; name_en: string; industry: string }>(
			sql`select c.name_zh, c.name_en, i.code as industry from chains c join industries i on i.id = c.industry_id where c.code = ${code} for update of c`
		);
		if (!b) throw new NotFoundError(`No chain "${code}".`);
		const industry = await industryIdOf(tx, input.industry);
		await tx.rows(sql`update chains set name_zh = ${input.nameZh}, name_en = ${input.nameEn}, industry_id = ${industry} where code = ${code}`);
		await recordAudit(tx, u, 'update', 'chain', code, { nameZh: b.name_zh, nameEn: b.name_en, industry: b.industry }, input);
		await afterTaxonomyWrite(db, tx);
	});
	forgetTaxonomy(db);
}

/**
 * Sets a chain's links, in order from upstream: existing links (by code) are renamed and moved,
 * new ones (no code) get the next free code `CHAIN-n`; a link left out is removed, unless it is
 * in use — then it must be merged into another first.
 */
export async function setChainLinks(db: Database, user: SessionUser | null, chainCode: string, links: Links) {
	const u = requireAdmin(user);
	await db.transaction(async (tx) => {
		const [chain] = await tx.rows<{ id: number }>(sql`select id from chains where code = ${chainCode} for update`);
		if (!chain) throw new NotFoundError(`No chain "${chainCode}".`);
		const chainId = Number(chain.id);
		const before = await tx.rows<{ id: number; code: string; name_zh: string; name_en: string; position: number; uses: number }>(
			sql`select l.id, l.code, l.name_zh, l.name_en, l.position, (${LINK_USES})::int as uses from chain_links l where l.chain_id = ${chainId} order by l.position`
		);
		const beforeState = before.map((l) => ({ code: l.code, nameZh: l.name_zh, nameEn: l.name_en }));
		const foreign = links.filter((l) => l.code && !before.some((b) => b.code === l.code));
		if (foreign.length)
			throw new EditValidationError(`Links ${foreign.map((f) => f.code).join(', ')} are not links of ${chainCode}.`, { links: 'admin.unknown_term' });
		const dropped = before.filter((b) => !links.some((l) => l.code === b.code));
		const inUse = dropped.filter((d) => Number(d.uses) > 0);
		if (inUse.length) {
			throw new EditValidationError(`Links ${inUse.map((d) => d.code).join(', ')} are in use: merge them into another link instead of removing them.`, {
				links: 'admin.link_in_use'
			});
		}
		for (const d of dropped) await tx.rows(sql`delete from chain_links where id = ${d.id}`);
		// Out of the way of the (chain, position) key first, then into their new places.
		await tx.rows(sql`update chain_links set position = position + 1000 where chain_id = ${chainId}`);
		let next = 1;
		const taken = new Set((await tx.rows<{ code: string }>(sql`select code from chain_links`)).map((r) => r.code));
		for (const [i, l] of links.entries()) {
			if (l.code) {
				await tx.rows(sql`update chain_links set position = ${i + 1}, name_zh = ${l.nameZh}, name_en = ${l.nameEn} where code = ${l.code}`);
			} else {
				while (taken.has(`${chainCode}-${next}`)) next++;
				const code = `${chainCode}-${next}`;
				taken.add(code);
				await tx.rows(
					sql`insert into chain_links (code, chain_id, position, name_zh, name_en) values (${code}, ${chainId}, ${i + 1}, ${l.nameZh}, ${l.nameEn})`
				);
			}
		}
		const after = await tx.rows<{ code: string; name_zh: string; name_en: string }>(
			sql`select code, name_zh, name_en from chain_links where chain_id = ${chainId} order by position`
		);
		await recordAudit(
			tx,
			u,
			'update',
			'chain',
			chainCode,
			{ links: beforeState },
			{ links: after.map((l) => ({ code: l.code, nameZh: l.name_zh, nameEn: l.name_en })) }
		);
		await afterTaxonomyWrite(db, tx);
	});
	forgetTaxonomy(db);
}

/** Puts industries or chains in the order given (all of them, or the first ones; the rest follow). */
export async function reorderTerms(db: Database, user: SessionUser | null, kind: 'industry' | 'chain', codes: string[]): Promise<void> {
	const u = requireAdmin(user);
	await db.transaction(async (tx) => {
		const table = TABLE[kind];
		const before = (await tx.rows<{ code: string }>(sql`select code from ${table} order by sort_order, id`)).map((r) => r.code);
		const unknown = codes.filter((c) => !before.includes(c));
		if (unknown.length) throw new EditValidationError(`Unknown ${kind} codes: ${unknown.join(', ')}.`, { codes: 'admin.unknown_term' });
		const order = [...new Set(codes), ...before.filter((c) => !codes.includes(c))];
		await tx.rows(
			sql`update ${table} t set sort_order = r.n from jsonb_array_elements_text(${JSON.stringify(order)}::jsonb) with ordinality as r(code, n) where t.code = r.code`
		);
		await recordAudit(tx, u, 'update', kind === 'industry' ? 'industries' : 'chains', 'order', before, order);
		await afterTaxonomyWrite(db, tx);
	});
	forgetTaxonomy(db);
}

/**
 * Retires a term. Unused, it is deleted. In use, it must be merged `into` another term of its
 * kind: every record moves over (a park or plot that had both keeps one), then it is deleted.
 * A chain's links move to the end of the chain it is merged into.
 */
export async function retireTerm(db: Database, user: SessionUser | null, kind: TermKind, code: string, into: string | null): Promise<{ merged: TermUsage[] }> {
	const u = requireAdmin(user);
	const usage = await termUsage(db, user, kind, code);
	const result = await db.transaction(async (tx) => {
		const id = await termId(tx, kind, code);
		if (usage.length && !into) {
			throw new EditValidationError(`"${code}" is in use (${usage.map((x) => `${x.count} ${x.kind}`).join(', ')}): choose the term to merge it into.`, {
				into: 'admin.merge_required'
			});
		}
		if (into === code) throw new EditValidationError('A term cannot be merged into itself.', { into: 'admin.merge_self' });
		const target = into ? await termId(tx, kind, into).catch(() => null) : null;
		if (into && target === null) throw new EditValidationError(`No ${kind} "${into}" to merge into.`, { into: 'admin.unknown_term' });
		if (target !== null) await moveUses(tx, kind, id, target, code, into!);
		const [before] = await tx.rows(sql`select * from ${TABLE[kind]} where id = ${id}`);
		await tx.rows(sql`delete from ${TABLE[kind]} where id = ${id}`);
		if (kind === 'link') await renumberLinks(tx, Number((before as { chain_id: number }).chain_id));
		await recordAudit(tx, u, target !== null ? 'merge' : 'delete', kind, code, { term: before, usage }, target !== null ? { into } : null);
		await afterTaxonomyWrite(db, tx);
		return { merged: usage };
	});
	forgetTaxonomy(db);
	return result;
}

async function renumberLinks(tx: TxHandle, chainId: number): Promise<void> {
	await tx.rows(sql`update chain_links set position = position + 1000 where chain_id = ${chainId}`);
	await tx.rows(sql`update chain_links l set position = r.n from (
		select id, row_number() over (order by position) as n from chain_links where chain_id = ${chainId}) r where l.id = r.id`);
}

async function moveUses(tx: TxHandle, kind: TermKind, from: number, to: number, fromCode: string, toCode: string): Promise<void> {
	const filterKey = kind;
	await tx.rows(
		sql`update requirements set filters = jsonb_set(filters, ${`{${filterKey}}`}::text[], to_jsonb(${toCode}::text)) where filters->>${filterKey} = ${fromCode}`
	);
	if (kind === 'industry') {
		await tx.rows(
			sql`insert into park_industries (park_id, industry_id, is_leading) select park_id, ${to}, is_leading from park_industries where industry_id = ${from} on conflict do nothing`
		);
		await tx.rows(sql`delete from park_industries where industry_id = ${from}`);
		await tx.rows(
			sql`insert into plot_industries (plot_id, industry_id) select plot_id, ${to} from plot_industries where industry_id = ${from} on conflict do nothing`
		);
		await tx.rows(sql`delete from plot_industries where industry_id = ${from}`);
		await tx.rows(sql`update enterprises set industry_id = ${to} where industry_id = ${from}`);
		await tx.rows(sql`update units set tenant_industry_id = ${to} where tenant_industry_id = ${from}`);
		await tx.rows(sql`update enquiries set industry_id = ${to} where industry_id = ${from}`);
		await tx.rows(sql`update projects set industry_id = ${to} where industry_id = ${from}`);
		await tx.rows(sql`update chains set industry_id = ${to} where industry_id = ${from}`);
	} else if (kind === 'chain') {
		await tx.rows(sql`insert into park_chains (park_id, chain_id) select park_id, ${to} from park_chains where chain_id = ${from} on conflict do nothing`);
		await tx.rows(sql`delete from park_chains where chain_id = ${from}`);
		const [{ n }] = await tx.rows<{ n: number }>(sql`select coalesce(max(position), 0)::int as n from chain_links where chain_id = ${to}`);
		await tx.rows(sql`update chain_links set chain_id = ${to}, position = position + ${Number(n)} + 1000 where chain_id = ${from}`);
		await renumberLinks(tx, to);
	} else {
		await tx.rows(sql`update enterprises set chain_link_id = ${to} where chain_link_id = ${from}`);
		await tx.rows(sql`update projects set chain_link_id = ${to} where chain_link_id = ${from}`);
	}
}
