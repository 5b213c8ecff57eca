/** The industry taxonomy, cached briefly per database: for validating finder codes and naming them. */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { NamePair } from '../../domain/scoring';
import type { IndustryGroup } from '../../domain/vocab';

export interface Taxonomy {
	industries: Map<string, NamePair>;
	/** Each industry's group (manufacturing, services, digital): it decides which land uses suit it. */
	industryGroups: Map<string, IndustryGroup>;
	chains: Map<string, NamePair & { id: number; industry: string }>;
	links: Map<string, NamePair & { id: number; chainId: number; chain: string; position: number }>;
}

const TTL_MS = 60_000;
const cache = new WeakMap<object, { at: number; taxonomy: Promise<Taxonomy> }>();

/** Forgets the cached taxonomy of a database (after an administrator changed it). */
export function forgetTaxonomy(db: object): void {
	cache.delete(db);
}

export function getTaxonomy(db: Database): Promise<Taxonomy> {
	const hit = cache.get(db);
	if (hit && Date.now() - hit.at < TTL_MS) return hit.taxonomy;
	const taxonomy = load(db);
	cache.set(db, { at: Date.now(), taxonomy });
	taxonomy.catch(() => cache.delete(db));
	return taxonomy;
}

async function load(db: Database): Promise<Taxonomy> {
	const [industries, chains, links] = await Promise.all([
		db.rows<{ code: string; name_zh: string; name_en: string; grp: IndustryGroup }>(
			sql`select code, name_zh, name_en, grp from industries order by sort_order, id`
		),
		db.rows<{ id: number; code: string; name_zh: string; name_en: string; industry: string }>(
			sql`select c.id, c.code, c.name_zh, c.name_en, i.code as industry from chains c join industries i on i.id = c.industry_id order by c.sort_order, c.id`
		),
		db.rows<{ id: number; code: string; name_zh: string; name_en: string; chain_id: number; chain: string; position: number }>(
			sql`select l.id, l.code, l.name_zh, l.name_en, l.chain_id, c.code as chain, l.position
				from chain_links l join chains c on c.id = l.chain_id order by l.chain_id, l.position`
		)
	]);
	return {
		industries: new Map(industries.map((r) => [r.code, { zh: r.name_zh, en: r.name_en }])),
		industryGroups: new Map(industries.map((r) => [r.code, r.grp])),
		chains: new Map(chains.map((r) => [r.code, { id: Number(r.id), industry: r.industry, zh: r.name_zh, en: r.name_en }])),
		links: new Map(
			links.map((r) => [r.code, { id: Number(r.id), chainId: Number(r.chain_id), chain: r.chain, position: Number(r.position), zh: r.name_zh, en: r.name_en }])
		)
	};
}

/** Taxonomy as plain lists for the finder form. */
export async function taxonomyLists(db: Database) {
	const t = await getTaxonomy(db);
	return {
		industries: [...t.industries].map(([code, n]) => ({ code, ...n })),
		chains: [...t.chains].map(([code, n]) => ({ code, industry: n.industry, zh: n.zh, en: n.en })),
		links: [...t.links].map(([code, n]) => ({ code, chain: n.chain, position: n.position, zh: n.zh, en: n.en }))
	};
}
