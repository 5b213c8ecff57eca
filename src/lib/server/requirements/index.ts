/**
 * Standing requirements ("tell me when a site like this appears"). A requirement is the
 * finder's query plus a contact. It is matched when saved and again whenever sites are
 * published or change (`rematchRequirements`, called by every write path); each new
 * (requirement, site) match writes one message to the outbox (`mail/outbox` delivers it).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { parseFinderQuery, finderParams } from '../../domain/finder';
import type { RequirementInput } from '../../domain/enquiry';
import { translate, isLocale, type Locale } from '../../i18n';
import { searchSites, SearchInputError, type ScoredSite } from '../search';
import { checkRateLimit, EnquiryRejected, newReference } from '../enquiries';

/** Sites scoring below this are not worth a message. */
export /** Matches read per query while queueing. */
const MATCH_PAGE = 50;
const MIN_MATCH_SCORE = 60;
/** At most this many messages per requirement per matching run. */
const MAX_NEW_MATCHES = 20;

export interface Requirement {
	id: number;
	reference: string;
	contactEmail: string;
	contactName: string;
	filters: string;
	locale: Locale;
}

export async function saveRequirement(
	db: Database,
	input: RequirementInput,
	meta: { ipHash: string; locale: Locale; origin: string }
): Promise<{ reference: string; matched: number }> {
	if (input.website) throw new EnquiryRejected(400, 'honeypot', 'The requirement could not be accepted.');
	const { query, errors } = parseFinderQuery(new URLSearchParams(input.filters));
	if (errors.length) throw new SearchInputError(errors);
	// Validate codes and polygons now, not at the first matching run.
	await searchSites(db, { ...query, page: 1, pageSize: 1 });
	const reference = newReference('RQ');
	const filters = finderParams({ ...query, page: 1, pageSize: 10 }).toString();
	const row = await db.transaction(async (tx) => {
		await checkRateLimit(tx, 'requirements', meta.ipHash);
		const [r] = await tx.rows<{ id: number }>(sql`
			insert into requirements (reference, company, contact_name, contact_email, filters, locale, source_ip_hash)
			values (${reference}, ${input.company}, ${input.contactName}, ${input.contactEmail},
				${JSON.stringify({ query: filters })}::jsonb, ${meta.locale}, ${meta.ipHash})
			returning id`);
		return r;
	});
	const matched = await matchRequirement(
		db,
		{ id: Number(row.id), reference, contactEmail: input.contactEmail, contactName: input.contactName, filters, locale: meta.locale },
		meta.origin
	);
	return { reference, matched };
}

function message(r: Requirement, site: ScoredSite, origin: string): { subject: string; body: string } {
	const l = r.locale;
	const name = l === 'zh-CN' ? site.name.zh : site.name.en;
	const park = l === 'zh-CN' ? site.park.zh : site.park.en;
	const url = `${origin}/${site.kind === 'plot' ? 'plots' : 'buildings'}/${encodeURIComponent(site.code)}`;
	const finder = `${origin}/?${r.filters}`;
	return {
		subject: translate(l, 'notify.subject', { site: name, park }),
		body: translate(l, 'notify.body', { name: r.contactName, site: name, park, score: site.score, url, finder, reference: r.reference })
	};
}

/** Matches one requirement against the current sites; returns how many new messages were queued. */
export async function matchRequirement(db: Database, r: Requirement, origin: string, onlySites?: Set<string>): Promise<number> {
	const { query } = parseFinderQuery(new URLSearchParams(r.filters));
	// Server-internal: the matches with their reasons, best first, a page at a time until enough are queued.
	let queued = 0;
	for (let page = 1; ; page++) {
		const result = await searchSites(db, { ...query, page, pageSize: MATCH_PAGE });
		const more = await queueMatches(db, r, origin, result.items, MAX_NEW_MATCHES - queued, onlySites);
		queued += more.queued;
		if (more.done || page * MATCH_PAGE >= result.total) return queued;
	}
}

/** A page of matches for a requirement, queued until `room` is used or the scores fall below the bar. */
async function queueMatches(
	db: Database,
	r: Requirement,
	origin: string,
	sites: ScoredSite[],
	room: number,
	onlySites?: Set<string>
): Promise<{ queued: number; done: boolean }> {
	let queued = 0;
	for (const site of sites) {
		if (queued >= room || site.score < MIN_MATCH_SCORE) return { queued, done: true };
		if (onlySites && !onlySites.has(`${site.kind}:${site.code}`)) continue;
		const { subject, body } = message(r, site, origin);
		const inserted = await db.rows<{ id: number }>(sql`
			insert into notification_outbox (requirement_id, site_kind, site_code, score, recipient, subject, body)
			values (${r.id}, ${site.kind}, ${site.code}, ${site.score}, ${r.contactEmail}, ${subject}, ${body})
			on conflict (requirement_id, site_kind, site_code) do nothing
			returning id`);
		queued += inserted.length;
	}
	return { queued, done: queued >= room };
}

/**
 * Re-matches every active requirement after sites were published or changed. With
 * `changed`, only those sites can produce new messages; a site already notified for a
 * requirement never is again.
 */
export async function rematchRequirements(db: Database, origin: string, changed?: { kind: 'plot' | 'building'; code: string }[]): Promise<number> {
	const rows = await db.rows<{
		id: number;
		reference: string;
		contact_email: string;
		contact_name: string;
		filters: { query: string } | string;
		locale: string;
	}>(sql`select id, reference, contact_email, contact_name, filters, locale from requirements where active order by id`);
	const only = changed ? new Set(changed.map((c) => `${c.kind}:${c.code}`)) : undefined;
	let queued = 0;
	for (const row of rows) {
		const filters = typeof row.filters === 'string' ? JSON.parse(row.filters) : row.filters;
		queued += await matchRequirement(
			db,
			{
				id: Number(row.id),
				reference: row.reference,
				contactEmail: row.contact_email,
				contactName: row.contact_name,
				filters: filters.query ?? '',
				locale: isLocale(row.locale) ? row.locale : 'zh-CN'
			},
			origin,
			only
		);
	}
	return queued;
}
