/**
 * Enquiries from investors: validated, rate-limited per address, stored with a
 * reference number the investor sees. A filled honeypot is refused and nothing stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../db/client';
import type { EnquiryInput } from '../../domain/enquiry';
import { M2_PER_MU } from '../../domain/units';
import { enquiryRateLimit } from '../config';
import { iso } from '../db/values';

export class EnquiryRejected extends Error {
	constructor(
		readonly status: 400 | 404 | 429,
		readonly code: 'honeypot' | 'unknown_site' | 'unknown_industry' | 'rate_limited',
		message: string
	) {
		super(message);
	}
}

const SECRET = process.env.SITEATLAS_SECRET ?? randomBytes(32).toString('hex');

/** A salted hash of the sender's address: enough to rate-limit, not enough to identify. */
export function addressHash(address: string): string {
	return createHash('sha256').update(`${SECRET}:${address}`).digest('hex').slice(0, 32);
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** A reference like SA-2026-7K3QXM: year plus 6 unambiguous characters. */
export function newReference(prefix: 'SA' | 'RQ'): string {
	const bytes = randomBytes(6);
	let s = '';
	for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
	return `${prefix}-${new Date().getUTCFullYear()}-${s}`;
}

/**
 * Throws when the address has used up its hourly allowance on `table`. Call it inside the
 * transaction that inserts: the advisory lock per (table, address) makes "count, then insert"
 * one step, so parallel requests cannot all slip under the limit.
 */
export async function checkRateLimit(tx: Pick<TxHandle, 'rows'>, table: 'enquiries' | 'requirements', ipHash: string): Promise<void> {
	await tx.rows(sql`select pg_advisory_xact_lock(hashtext(${`${table}:${ipHash}`}))`);
	const [r] = await tx.rows<{ n: number }>(
		sql`select count(*)::int as n from ${sql.identifier(table)} where source_ip_hash = ${ipHash} and created_at > now() - interval '1 hour'`
	);
	if (Number(r.n) >= enquiryRateLimit()) {
		throw new EnquiryRejected(429, 'rate_limited', 'Too many submissions from this address; please try again in an hour.');
	}
}

export async function createEnquiry(db: Database, input: EnquiryInput, meta: { ipHash: string; locale: string }): Promise<{ reference: string }> {
	if (input.website) throw new EnquiryRejected(400, 'honeypot', 'The enquiry could not be accepted.');
	const table = input.siteKind === 'plot' ? 'plots' : input.siteKind === 'building' ? 'buildings' : 'parks';
	const [site] = await db.rows<{ id: number }>(sql`select id from ${sql.identifier(table)} where code = ${input.siteCode} and published`);
	if (!site) throw new EnquiryRejected(404, 'unknown_site', `No published ${input.siteKind} "${input.siteCode}".`);
	let industryId: number | null = null;
	if (input.industry) {
		const [i] = await db.rows<{ id: number }>(sql`select id from industries where code = ${input.industry}`);
		if (!i) throw new EnquiryRejected(400, 'unknown_industry', `Unknown industry "${input.industry}".`);
		industryId = Number(i.id);
	}
	const spaceM2 = input.spaceNeeded === undefined ? null : input.spaceUnit === 'mu' ? input.spaceNeeded * M2_PER_MU : input.spaceNeeded;
	const reference = newReference('SA');
	await db.transaction(async (tx) => {
		await checkRateLimit(tx, 'enquiries', meta.ipHash);
		await tx.rows(sql`
			insert into enquiries (reference, site_kind, plot_id, building_id, park_id, company, contact_name, contact_email,
				contact_phone, industry_id, space_needed_m2, message, locale, source_ip_hash)
			values (${reference}, ${input.siteKind},
				${input.siteKind === 'plot' ? site.id : null}, ${input.siteKind === 'building' ? site.id : null}, ${input.siteKind === 'park' ? site.id : null},
				${input.company}, ${input.contactName}, ${input.contactEmail ?? null}, ${input.contactPhone ?? null},
				${industryId}, ${spaceM2}, ${input.message}, ${meta.locale}, ${meta.ipHash})`);
	});
	return { reference };
}

export interface EnquiryStatus {
	reference: string;
	status: string;
	siteKind: string;
	siteCode: string | null;
	/** The language the enquiry was written in. */
	locale: string;
	createdAt: string;
	/** When the status last moved. */
	statusAt: string;
}

/** An enquiry's status by its reference, for the investor who holds it: no personal data. */
export async function enquiryStatus(db: Database, reference: string): Promise<EnquiryStatus | null> {
	const [r] = await db.rows<{
		reference: string;
		status: string;
		site_kind: string;
		code: string | null;
		locale: string;
		created_at: unknown;
		status_at: unknown;
	}>(sql`
		select e.reference, e.status, e.site_kind, coalesce(p.code, b.code, k.code) as code, e.locale, e.created_at, e.status_at
		from enquiries e left join plots p on p.id = e.plot_id left join buildings b on b.id = e.building_id left join parks k on k.id = e.park_id
		where e.reference = ${reference}`);
	if (!r) return null;
	return {
		reference: r.reference,
		status: r.status,
		siteKind: r.site_kind,
		siteCode: r.code,
		locale: r.locale,
		createdAt: iso(r.created_at)!,
		statusAt: iso(r.status_at)!
	};
}
