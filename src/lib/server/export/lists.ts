/**
 * The console's other lists as export tables — the enquiry inbox, the project pipeline, the
 * land-disposal cases, the building economy, proposals, tours, users and the audit log — each
 * with the filters its page has (the same address), every page at once, and the fields its
 * page shows the user. These are reports: statuses and kinds are written as words in the
 * reader's language; records with a site carry its point.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { SessionUser } from '../auth';
import { parseQuery } from '../http';
import { textList } from '../db/lists';
import { translate, vocabLabel, type Locale } from '../../i18n';
import type { MessageKey } from '../../i18n/messages';
import { inboxFilterSchema, pipelineFilterSchema } from '../../domain/pipeline-schemas';
import { boardFilterSchema, economyFilterSchema } from '../../domain/ledger-schemas';
import { listInbox } from '../pipeline/inbox';
import { pipelineProjects } from '../pipeline/projects';
import { listProposals } from '../pipeline/proposals';
import { chainMap } from '../pipeline/chains';
import { importHistory } from '../import';
import { boardOf } from '../land/board';
import { economyOf } from '../economy';
import { listTours } from '../tours';
import { listUsers } from '../users';
import { auditEntries, auditFilterSchema } from '../audit-log';
import type { ExportFieldType, ExportTable, ExportValue } from './table';

type Column<T> = [key: string, type: ExportFieldType, value: (row: T) => ExportValue];

/** Where each site (plot, building or park, by code) lies: a point on it. */
async function sitePoints(db: Database, codes: string[]): Promise<Map<string, [number, number]>> {
	if (!codes.length) return new Map();
	const rows = await db.rows<{ code: string; lon: number; lat: number }>(sql`
		select code, ST_X(pt) as lon, ST_Y(pt) as lat from (
			select code, ST_PointOnSurface(boundary) as pt from plots where code in ${textList(codes)}
			union all select code, ST_PointOnSurface(footprint) from buildings where code in ${textList(codes)}
			union all select code, ST_PointOnSurface(boundary) from parks where code in ${textList(codes)}) s`);
	return new Map(rows.map((r) => [r.code, [Number(r.lon), Number(r.lat)]]));
}

async function table<T>(
	db: Database,
	locale: Locale,
	name: string,
	items: T[],
	columns: Column<T>[],
	siteOf?: (row: T) => string | null
): Promise<ExportTable> {
	const points = siteOf ? await sitePoints(db, [...new Set(items.map(siteOf).filter((c): c is string => !!c))]) : null;
	return {
		name,
		title: translate(locale, `export.layer.${name}` as MessageKey),
		geometry: points ? 'Point' : null,
		fields: columns.map(([key, type]) => ({ key, type, label: translate(locale, `export.field.${key}` as MessageKey) })),
		rows: items.map((item) => {
			const site = siteOf?.(item);
			const p = site ? points?.get(site) : undefined;
			return {
				values: Object.fromEntries(columns.map(([key, , value]) => [key, value(item) ?? null])),
				geometry: p ? { type: 'Point', coordinates: p } : null
			};
		})
	};
}

const bi = (locale: Locale, zh: string | null, en: string | null) => (locale === 'en' ? en || zh : zh || en) ?? null;

export const LIST_EXPORTS = {
	async enquiries(db: Database, user: SessionUser, url: URL, locale: Locale) {
		const f = parseQuery(url, inboxFilterSchema);
		const first = await listInbox(db, user, { ...f, page: 1 });
		const rows = [...first.rows];
		for (let page = 2; page <= first.pages; page++) rows.push(...(await listInbox(db, user, { ...f, page })).rows);
		return table(
			db,
			locale,
			'enquiries',
			rows,
			[
				['reference', 'text', (e) => e.reference],
				['received', 'text', (e) => e.receivedAt.slice(0, 10)],
				['enq_status', 'text', (e) => vocabLabel(locale, 'enquiry_status', e.status)],
				['late', 'boolean', (e) => e.late],
				['company', 'text', (e) => e.company],
				['contact', 'text', (e) => e.contactName],
				['email', 'text', (e) => e.contactEmail],
				['phone', 'text', (e) => e.contactPhone],
				['site', 'text', (e) => e.siteCode],
				['park_code', 'text', (e) => e.parkCode],
				['park_name', 'text', (e) => bi(locale, e.parkNameZh, e.parkNameEn)],
				['industry', 'text', (e) => bi(locale, e.industryNameZh, e.industryNameEn)],
				['space_m2', 'number', (e) => e.spaceNeededM2],
				['message', 'text', (e) => e.message],
				['owner_name', 'text', (e) => e.ownerName],
				['lost_why', 'text', (e) => e.lostReason]
			],
			(e) => e.siteCode
		);
	},
	async projects(db: Database, user: SessionUser, url: URL, locale: Locale) {
		const { page: _page, ...f } = parseQuery(url, pipelineFilterSchema);
		void _page;
		const rows = await pipelineProjects(db, user, f);
		return table(
			db,
			locale,
			'projects',
			rows,
			[
				['name', 'text', (p) => bi(locale, p.nameZh, p.nameEn)],
				['investor', 'text', (p) => p.investorName],
				['stage', 'text', (p) => vocabLabel(locale, 'project_stage', p.stage)],
				['park_code', 'text', (p) => p.parkCode],
				['park_name', 'text', (p) => bi(locale, p.parkNameZh, p.parkNameEn)],
				['chain_link', 'text', (p) => bi(locale, p.linkNameZh, p.linkNameEn)],
				['site', 'text', (p) => p.site?.code ?? null],
				['invest_wan', 'number', (p) => p.investmentWan],
				['funds_wan', 'number', (p) => p.fundsInPlaceWan],
				['signed_on', 'text', (p) => p.signedAt],
				['started_on', 'text', (p) => p.startedAt],
				['officer', 'text', (p) => p.officerName],
				['leader', 'text', (p) => p.leaderName],
				['last_update', 'text', (p) => p.lastUpdateOn],
				['warnings', 'text', (p) => p.warnings.map((w) => translate(locale, `pipeline.warning.${w}` as MessageKey)).join('；')]
			],
			(p) => p.site?.code ?? p.parkCode
		);
	},
	async land_cases(db: Database, user: SessionUser, url: URL, locale: Locale) {
		const board = await boardOf(db, user, parseQuery(url, boardFilterSchema), new Date(), Infinity);
		return table(
			db,
			locale,
			'land_cases',
			board.cases,
			[
				['plot', 'text', (c) => c.plotCode],
				['park_code', 'text', (c) => c.parkCode],
				['park_name', 'text', (c) => bi(locale, c.parkNameZh, c.parkNameEn)],
				['case_kind', 'text', (c) => vocabLabel(locale, 'land_kind', c.kind)],
				['stage', 'text', (c) => vocabLabel(locale, 'land_stage', c.stage)],
				['area_mu', 'number', (c) => Math.round((c.areaM2 / (10000 / 15)) * 100) / 100],
				['detected', 'text', (c) => c.detectedOn],
				['decided', 'text', (c) => c.decidedOn],
				['method', 'text', (c) => (c.method ? vocabLabel(locale, 'disposal_method', c.method) : null)],
				['responsible', 'text', (c) => c.officer],
				['deadline', 'text', (c) => c.deadline],
				['overdue', 'boolean', (c) => c.overdue],
				['completed', 'text', (c) => c.completedOn],
				['outcome', 'text', (c) => c.outcome]
			],
			(c) => c.plotCode
		);
	},
	async economy(db: Database, user: SessionUser, url: URL, locale: Locale) {
		const e = await economyOf(db, user, parseQuery(url, economyFilterSchema), locale, Infinity);
		return table(
			db,
			locale,
			'economy',
			e.rows,
			[
				['code', 'text', (b) => b.code],
				['name', 'text', (b) => bi(locale, b.nameZh, b.nameEn)],
				['park_code', 'text', (b) => b.parkCode],
				['kind', 'text', (b) => vocabLabel(locale, 'building_kind', b.kind)],
				['floors', 'integer', (b) => b.floors],
				['gross_area', 'number', (b) => b.grossM2],
				['leasable', 'number', (b) => b.leasableM2],
				['vacant_m2', 'number', (b) => b.vacantM2],
				['occupancy', 'number', (b) => Math.round(b.occupancy * 1000) / 1000],
				['tenants', 'integer', (b) => b.tenants],
				['tax_wan', 'number', (b) => b.annualTaxWan],
				['tax_tier', 'text', (b) => vocabLabel(locale, 'tax_tier', b.taxTier)],
				['owner', 'text', (b) => b.ownerName],
				['manager', 'text', (b) => b.managerName],
				['mgr_phone', 'text', (b) => b.managerPhone],
				['high_vac', 'boolean', (b) => b.highVacancy]
			],
			(b) => b.code
		);
	},
	async target_firms(db: Database, user: SessionUser, _url: URL, locale: Locale) {
		const firms = (await chainMap(db, user)).flatMap((c) =>
			c.links.flatMap((l) => l.targets.map((t) => ({ ...t, chain: bi(locale, c.nameZh, c.nameEn), linkName: bi(locale, l.nameZh, l.nameEn) })))
		);
		return table(db, locale, 'target_firms', firms, [
			['chain', 'text', (f) => f.chain],
			['chain_link', 'text', (f) => f.linkName],
			['firm', 'text', (f) => f.name],
			['firm_place', 'text', (f) => f.location],
			['why', 'text', (f) => f.reason],
			['owner_name', 'text', (f) => f.owner],
			['firm_state', 'text', (f) => vocabLabel(locale, 'target_status', f.status)],
			['updated', 'text', (f) => f.updatedAt.slice(0, 10)]
		]);
	},
	async imports(db: Database, user: SessionUser, _url: URL, locale: Locale) {
		return table(db, locale, 'imports', await importHistory(db, user, 10_000), [
			['at', 'text', (i) => i.at],
			['user_name', 'text', (i) => i.user],
			['layer', 'text', (i) => translate(locale, `export.layer.${i.layer}` as MessageKey)],
			['park_code', 'text', (i) => i.park],
			['file', 'text', (i) => i.fileName],
			['file_format', 'text', (i) => i.format],
			['crs', 'text', (i) => i.crs],
			['encoding', 'text', (i) => i.encoding],
			['created_n', 'integer', (i) => i.counts.created],
			['updated_n', 'integer', (i) => i.counts.updated],
			['same_n', 'integer', (i) => i.counts.unchanged],
			['skipped_n', 'integer', (i) => i.counts.skipped],
			['undone', 'boolean', (i) => i.status === 'undone']
		]);
	},
	async proposals(db: Database, user: SessionUser, _url: URL, locale: Locale) {
		return table(db, locale, 'proposals', await listProposals(db, user), [
			['title', 'text', (p) => p.title],
			['delegation', 'text', (p) => p.delegation],
			['sites', 'text', (p) => p.sites.map((s) => s.code).join(',')],
			['tour', 'text', (p) => p.tourTitle],
			['live', 'boolean', (p) => p.live],
			['expires', 'text', (p) => p.expiresOn],
			['views', 'integer', (p) => p.views],
			['last_view', 'text', (p) => p.lastViewedOn],
			['created', 'text', (p) => p.createdAt.slice(0, 10)]
		]);
	},
	async tours(db: Database, user: SessionUser, _url: URL, locale: Locale) {
		return table(db, locale, 'tours', await listTours(db, user), [
			['title', 'text', (r) => r.title],
			['delegation', 'text', (r) => r.delegationOrg],
			['people', 'integer', (r) => r.delegationSize],
			['tour_date', 'text', (r) => r.tourDate],
			['start', 'text', (r) => r.startTime],
			['stops', 'integer', (r) => r.stops],
			['km', 'number', (r) => Math.round(r.distanceM / 100) / 10],
			['minutes', 'integer', (r) => Math.round(r.durationS / 60)],
			['shared', 'boolean', (r) => r.shared],
			['author', 'text', (r) => r.author]
		]);
	},
	async users(db: Database, user: SessionUser, _url: URL, locale: Locale) {
		return table(db, locale, 'users', await listUsers(db, user), [
			['user_name', 'text', (u) => u.displayName],
			['email', 'text', (u) => u.email],
			['role', 'text', (u) => vocabLabel(locale, 'role', u.role)],
			['parks', 'text', (u) => u.parks.join(',')],
			['active', 'boolean', (u) => u.active],
			['last_login', 'text', (u) => u.lastSignInAt?.slice(0, 10) ?? null],
			['created', 'text', (u) => u.createdAt.slice(0, 10)]
		]);
	},
	async audit(db: Database, user: SessionUser, url: URL, locale: Locale) {
		const f = parseQuery(url, auditFilterSchema);
		return table(db, locale, 'audit', await auditEntries(db, user, f), [
			['at', 'text', (a) => a.at],
			['user_name', 'text', (a) => a.user],
			['action', 'text', (a) => vocabLabel(locale, 'console.action', a.action)],
			['entity', 'text', (a) => vocabLabel(locale, 'audit.kind', a.entity)],
			['record', 'text', (a) => a.entityId],
			['before', 'text', (a) => (a.before === null ? null : JSON.stringify(a.before))],
			['after', 'text', (a) => (a.after === null ? null : JSON.stringify(a.after))]
		]);
	}
} satisfies Record<string, (db: Database, user: SessionUser, url: URL, locale: Locale) => Promise<ExportTable>>;

export type ListExport = keyof typeof LIST_EXPORTS;
