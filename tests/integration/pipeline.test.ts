/**
 * The promotion pipeline (issue 13) on both databases, on a fresh copy of the sample zone: an
 * enquiry walks new → won → project with one audit entry per step and editors kept to their
 * parks; the rates of a fixture pipeline equal hand-computed values; warnings fire on their
 * dates; a link's last firm leaving opens a gap; a proposal opens only with its code and never
 * once revoked or expired; the outbox marks a message sent only when a real SMTP server took it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { Database } from '../../src/lib/server/db/client';
import { userByEmail, type SessionUser } from '../../src/lib/server/auth';
import { PermissionError } from '../../src/lib/server/auth/permissions';
import { ConflictError, EditValidationError } from '../../src/lib/server/editing/errors';
import { loadSampleZone } from '../../src/lib/server/sample/load';
import { generateSampleZone } from '../../src/lib/server/sample/generate';
import { createEnquiry } from '../../src/lib/server/enquiries';
import { enquirySchema } from '../../src/lib/domain/enquiry';
import { enquiryHistory, listInbox, readEnquiry, takeEnquiryAction } from '../../src/lib/server/pipeline/inbox';
import { createProject, pipelineProjects, readProject, takeProjectAction } from '../../src/lib/server/pipeline/projects';
import { pipelineRates } from '../../src/lib/server/pipeline/rates';
import { chainMap } from '../../src/lib/server/pipeline/chains';
import { createProposal, revokeProposal, sharedProposal, unlockProposal } from '../../src/lib/server/pipeline/proposals';
import { demandReport, recordSearch } from '../../src/lib/server/pipeline/demand';
import { deliverOutbox } from '../../src/lib/server/mail/outbox';
import { smtpTransport } from '../../src/lib/server/mail';
import { inboxFilterSchema } from '../../src/lib/domain/pipeline-schemas';
import { DEFAULT_QUERY } from '../../src/lib/domain/finder';
import { loadSettings, saveSettings } from '../../src/lib/server/settings';
import { MODE, openEmptyDatabase } from './db';

const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const daysAgo = (n: number) => new Date(Date.now() - n * 86400_000).toISOString().slice(0, 10);
const inbox = (f: Record<string, string> = {}) => inboxFilterSchema.parse(f);

describe(`the promotion pipeline (${MODE})`, () => {
	let db: Database;
	let staff: SessionUser;
	let editorNm: SessionUser;
	let editorTe: SessionUser;
	const zone = generateSampleZone({ asOf: today });
	const nmPlot = zone.plots.find((p) => p.park === 'NM' && p.published && p.supplyStatus === 'available')!.code;
	beforeAll(async () => {
		db = await openEmptyDatabase();
		await loadSampleZone(db, zone);
		staff = (await userByEmail(db, 'staff@demo.siteatlas'))!;
		editorNm = (await userByEmail(db, 'editor-nm@demo.siteatlas'))!;
		editorTe = (await userByEmail(db, 'editor-te@demo.siteatlas'))!;
	}, 120_000);
	afterAll(() => db?.close());

	const audits = (entity: string, id: number) =>
		db.rows<{ action: string }>(sql`select action from audit_entries where entity = ${entity} and entity_id = ${String(id)} order by id`);

	it('walks an enquiry from new to won to a project: one audit entry per step, the history kept, editors kept to their parks', async () => {
		const { reference } = await createEnquiry(
			db,
			enquirySchema.parse({ siteKind: 'plot', siteCode: nmPlot, company: 'Walk Co', contactName: 'Li', contactEmail: 'li@example.com', message: 'Need 40 mu' }),
			{ ipHash: 'walk', locale: 'en' }
		);
		const [{ id }] = await db.rows<{ id: number }>(sql`select id from enquiries where reference = ${reference}`);
		// The NM editor sees it; the TE editor neither sees it nor may touch it.
		expect((await listInbox(db, editorNm, inbox({ q: reference }))).total).toBe(1);
		expect((await listInbox(db, editorTe, inbox({ q: reference }))).total).toBe(0);
		await expect(readEnquiry(db, editorTe, id)).rejects.toMatchObject({ status: 403 });
		await expect(takeEnquiryAction(db, editorTe, id, { action: 'move', version: 1, to: 'contacted', lostReason: null })).rejects.toBeInstanceOf(
			PermissionError
		);

		let e = await takeEnquiryAction(db, editorNm, id, { action: 'assign', version: 1, ownerId: editorNm.id });
		expect(e.ownerName).toBe(editorNm.displayName);
		// Won straight from new is refused (nobody has spoken to the investor), and a stale version is a conflict.
		await expect(takeEnquiryAction(db, staff, id, { action: 'move', version: e.version, to: 'won', lostReason: null })).rejects.toBeInstanceOf(
			EditValidationError
		);
		await expect(takeEnquiryAction(db, staff, id, { action: 'move', version: 1, to: 'contacted', lostReason: null })).rejects.toBeInstanceOf(ConflictError);
		e = await takeEnquiryAction(db, staff, id, { action: 'move', version: e.version, to: 'contacted', lostReason: null });
		expect(e.contactedAt).not.toBeNull();
		e = await takeEnquiryAction(db, staff, id, { action: 'note', version: e.version, body: 'Visit next week' });
		e = await takeEnquiryAction(db, staff, id, { action: 'move', version: e.version, to: 'visiting', lostReason: null });
		e = await takeEnquiryAction(db, staff, id, { action: 'move', version: e.version, to: 'won', lostReason: null });
		expect(e.status).toBe('won');
		e = await takeEnquiryAction(db, staff, id, { action: 'project', version: e.version });
		expect(e.projectId).not.toBeNull();
		// Once a project, never again.
		await expect(takeEnquiryAction(db, staff, id, { action: 'project', version: e.version })).rejects.toBeInstanceOf(EditValidationError);
		expect((await audits('enquiry', id)).map((a) => a.action)).toEqual(['assign', 'move', 'note', 'move', 'move', 'convert']);
		expect((await enquiryHistory(db, id)).filter((h) => h.kind === 'note').map((h) => h.text)).toEqual(['Visit next week']);

		const project = await readProject(db, editorNm, e.projectId!);
		expect(project).toMatchObject({
			stage: 'negotiation',
			investorName: 'Walk Co',
			parkCode: 'NM',
			site: { kind: 'plot', code: nmPlot },
			enquiryReference: reference
		});
		expect((await audits('project', project.id)).map((a) => a.action)).toEqual(['create']);
		await expect(readProject(db, editorTe, project.id)).rejects.toMatchObject({ status: 403 });
		await expect(takeProjectAction(db, editorTe, project.id, { action: 'move', version: project.version, to: 'signed', on: today })).rejects.toBeInstanceOf(
			PermissionError
		);
	});

	it('refuses a lost enquiry without a reason, and a message to an enquiry without an email', async () => {
		const { reference } = await createEnquiry(
			db,
			enquirySchema.parse({ siteKind: 'plot', siteCode: nmPlot, company: 'Phone Co', contactName: 'Zhao', contactPhone: '0546-1234567' }),
			{
				ipHash: 'phone',
				locale: 'zh-CN'
			}
		);
		const [{ id }] = await db.rows<{ id: number }>(sql`select id from enquiries where reference = ${reference}`);
		await expect(takeEnquiryAction(db, staff, id, { action: 'message', version: 1, subject: 'Hi', body: 'Hello' })).rejects.toBeInstanceOf(EditValidationError);
		const [{ n }] = await db.rows<{ n: number }>(sql`select count(*)::int as n from notification_outbox where enquiry_id = ${id}`);
		expect(n).toBe(0);
		// The database holds the rule too: lost needs its reason.
		await expect(db.rows(sql`update enquiries set status = 'lost' where id = ${id}`)).rejects.toThrow();
	});

	it('computes the rates of a fixture pipeline as counted by hand: 25 signed, 18 started = 72 %', async () => {
		await db.rows(sql`delete from projects`);
		const park = (await db.rows<{ id: number }>(sql`select id from parks where code = 'TE'`))[0].id;
		const signed = `${year}-01-15`;
		const rows = Array.from({ length: 25 }, (_, i) => ({
			name: `Fixture ${i}`,
			signed,
			started: i < 18 ? `${year}-02-01` : null,
			production: i < 5 ? `${year}-03-01` : null,
			investment: 10_000,
			funds: i < 18 ? 4_000 : 0,
			fdi: i < 2 ? 1_000_000 : 0
		}));
		await db.rows(sql`
			insert into projects (name_zh, name_en, investor_name, stage, park_id, signed_at, started_at, production_at, investment_wan, funds_in_place_wan, foreign_capital_usd)
			select r.name, r.name, 'Fixture', case when r.production is not null then 'production' when r.started is not null then 'construction' else 'signed' end,
				${park}, r.signed::date, r.started::date, r.production::date, r.investment, r.funds, r.fdi
			from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(name text, signed text, started text, production text, investment float8, funds float8, fdi float8)`);
		// A project signed last year is not in this year's cohort.
		await db.rows(
			sql`insert into projects (name_zh, name_en, investor_name, stage, park_id, signed_at) values ('Old', 'Old', 'Old', 'signed', ${park}, ${`${year - 1}-06-01`})`
		);
		const r = await pipelineRates(db, staff, year);
		expect(r.zone.rates.signed).toBe(25);
		expect(r.zone.rates.started).toBe(18);
		expect(r.zone.rates.performanceRate).toBeCloseTo(0.72, 10);
		expect(r.zone.rates.productionRate).toBeCloseTo(5 / 25, 10);
		expect(r.zone.rates.fundsInPlaceWan).toBe(18 * 4_000);
		expect(r.zone.rates.fundsRate).toBeCloseTo((18 * 4_000) / (25 * 10_000), 10);
		expect(r.zone.rates.foreignCapitalUsd).toBe(2_000_000);
		expect(r.parks.find((p) => p.code === 'TE')!.rates.signed).toBe(25);
		expect(r.parks.find((p) => p.code === 'NM')!.rates.signed).toBe(0);
		// Month by month: all 25 signed in January, the 18 started from February.
		expect(r.months[0]).toMatchObject({ signed: 25, started: 0 });
		if (r.months.length > 1) expect(r.months[1]).toMatchObject({ signed: 25, started: 18 });
		// An editor of another park sees none of them.
		expect((await pipelineRates(db, editorNm, year)).zone.rates.signed).toBe(0);
	});

	it('raises the warnings on their dates: signed and not started, no weekly update, a problem past due', async () => {
		await db.rows(sql`delete from projects`);
		// The administrator sets the warning rules (the same path as the settings form).
		const admin = (await userByEmail(db, 'admin@demo.siteatlas'))!;
		const current = await loadSettings(db);
		await saveSettings(db, admin, current.version, { ...current.settings, pipeline: { contactDays: 3, signedNotStartedDays: 90, stalledWeeks: 4 } });
		const p = await createProject(db, staff, {
			nameZh: '预警项目',
			nameEn: '',
			investorName: 'Warn Co',
			park: 'TE',
			chainLink: 'rw_wheel',
			site: null,
			investmentWan: 1000,
			fundsInPlaceWan: null,
			foreignCapitalUsd: null,
			officerName: '',
			leaderName: '',
			milestones: [],
			notes: '',
			stage: 'lead'
		});
		expect(p.warnings).toEqual([]);
		// A move cannot be dated before the lead came in.
		await expect(takeProjectAction(db, staff, p.id, { action: 'move', version: p.version, to: 'signed', on: daysAgo(89) })).rejects.toBeInstanceOf(
			EditValidationError
		);
		await db.rows(sql`update projects set lead_at = ${daysAgo(200)} where id = ${p.id}`);
		// Signed 91 days ago, not started: warned; 89 days ago: not yet.
		let q = await takeProjectAction(db, staff, p.id, { action: 'move', version: p.version, to: 'signed', on: daysAgo(89) });
		expect(q.warnings).toEqual([]);
		await db.rows(sql`update projects set signed_at = ${daysAgo(91)}, negotiation_at = ${daysAgo(91)} where id = ${p.id}`);
		q = await readProject(db, staff, p.id);
		expect(q.warnings).toEqual(['not_started']);
		expect((await pipelineProjects(db, staff, { stage: null, park: null, chain: null, warning: 'not_started', q: '' })).map((x) => x.id)).toContain(p.id);
		// Started 30 days ago with no update: stalled after 4 weeks; a weekly update clears it.
		q = await takeProjectAction(db, staff, p.id, { action: 'move', version: q.version, to: 'construction', on: daysAgo(30) });
		expect(q.warnings).toEqual(['stalled']);
		q = await takeProjectAction(db, staff, p.id, {
			action: 'update',
			version: q.version,
			weekOf: today,
			progress: '基础施工',
			nextSteps: '',
			fundsInPlaceWan: 300
		});
		expect(q.warnings).toEqual([]);
		expect(q.fundsInPlaceWan).toBe(300);
		// A problem due yesterday is overdue; solved, it is not.
		q = await takeProjectAction(db, staff, p.id, { action: 'problem', version: q.version, text: '施工用电', owner: '供电所', dueOn: daysAgo(1) });
		expect(q.warnings).toEqual(['problem_overdue']);
		q = await takeProjectAction(db, staff, p.id, { action: 'resolve', version: q.version, problemId: q.problems[0].id, resolvedOn: today });
		expect(q.warnings).toEqual([]);
		// Back or into the future: refused.
		await expect(takeProjectAction(db, staff, p.id, { action: 'move', version: q.version, to: 'signed', on: today })).rejects.toBeInstanceOf(
			EditValidationError
		);
		await expect(takeProjectAction(db, staff, p.id, { action: 'move', version: q.version, to: 'production', on: '2999-01-01' })).rejects.toBeInstanceOf(
			EditValidationError
		);
		expect((await audits('project', p.id)).map((a) => a.action)).toEqual(['create', 'move', 'move', 'report', 'problem', 'resolve']);
	});

	it('opens a gap when a link’s last firm leaves', async () => {
		const link = (await chainMap(db, staff)).find((c) => c.code === 'rail_wheelset')!.links.find((l) => l.code === 'rw_wheel')!;
		expect(link.gap).toBeNull();
		expect(link.firms.length).toBeGreaterThan(1);
		const others = link.firms.length;
		await db.rows(sql`update enterprises set published = false where chain_link_id = (select id from chain_links where code = 'rw_wheel') and id <> (
			select min(id) from enterprises where chain_link_id = (select id from chain_links where code = 'rw_wheel'))`);
		const one = (await chainMap(db, staff)).find((c) => c.code === 'rail_wheelset')!.links.find((l) => l.code === 'rw_wheel')!;
		expect(one.firms).toHaveLength(1);
		await db.rows(sql`update enterprises set published = false where chain_link_id = (select id from chain_links where code = 'rw_wheel')`);
		const none = (await chainMap(db, staff)).find((c) => c.code === 'rail_wheelset')!.links.find((l) => l.code === 'rw_wheel')!;
		expect(none.gap).toBe('missing');
		expect(others).toBeGreaterThan(0);
		// The sample's deliberate gaps are there.
		const axle = (await chainMap(db, staff)).find((c) => c.code === 'rail_wheelset')!.links.find((l) => l.code === 'rw_axle')!;
		expect(axle.gap).toBe('missing');
		expect(axle.targets.length).toBeGreaterThan(0);
	});

	it('opens a proposal only with its code, and never once revoked or expired', async () => {
		const sites = zone.plots.filter((p) => p.published && p.supplyStatus === 'available').slice(0, 2);
		const input = {
			title: 'For the delegation',
			delegation: 'Acme',
			intro: '',
			sites: sites.map((s) => ({ kind: 'plot' as const, code: s.code })),
			tourId: null,
			contactName: 'Staff',
			contactPhone: '',
			contactEmail: '',
			locale: 'en' as const,
			expiresOn: null
		};
		await expect(createProposal(db, editorNm, input)).rejects.toBeInstanceOf(PermissionError);
		const { proposal, code } = await createProposal(db, staff, input);
		expect(await sharedProposal(db, proposal.token, undefined)).toBeNull();
		expect(await unlockProposal(db, proposal.token, code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ')).toBeNull();
		expect(await unlockProposal(db, 'x'.repeat(32), code)).toBeNull();
		const opened = (await unlockProposal(db, proposal.token, code))!;
		expect(opened.pass).toBeTruthy();
		expect((await sharedProposal(db, proposal.token, opened.pass))?.title).toBe('For the delegation');
		const [{ views }] = await db.rows<{ views: number }>(
			sql`select coalesce(sum(views), 0)::int as views from proposal_views where proposal_id = ${proposal.id}`
		);
		expect(views).toBe(1);
		// Expired yesterday: gone.
		await db.rows(sql`update proposals set expires_at = now() - interval '1 day' where id = ${proposal.id}`);
		expect(await sharedProposal(db, proposal.token, opened.pass)).toBeNull();
		expect(await unlockProposal(db, proposal.token, code)).toBeNull();
		await db.rows(sql`update proposals set expires_at = null where id = ${proposal.id}`);
		expect(await sharedProposal(db, proposal.token, opened.pass)).not.toBeNull();
		// Revoked: gone for good.
		const live = (await db.rows<{ version: number }>(sql`select version from proposals where id = ${proposal.id}`))[0];
		await revokeProposal(db, staff, proposal.id, Number(live.version));
		expect(await sharedProposal(db, proposal.token, opened.pass)).toBeNull();
		expect(await unlockProposal(db, proposal.token, code)).toBeNull();
		// The code is kept only as a slow hash.
		const [{ code_hash }] = await db.rows<{ code_hash: string }>(sql`select code_hash from proposals where id = ${proposal.id}`);
		expect(code_hash).toMatch(/^scrypt\$/);
		expect(code_hash).not.toContain(code);
	});

	it('counts searches as aggregates, unmet ones apart, and nothing that names the searcher', async () => {
		await db.rows(sql`delete from search_demand`);
		const q = {
			...DEFAULT_QUERY,
			industry: 'new_materials',
			areaMin: 400,
			areaUnit: 'mu' as const,
			landUse: ['industrial' as const],
			bbox: [118.5, 37.4, 118.6, 37.5] as [number, number, number, number]
		};
		await recordSearch(db, q, false);
		await recordSearch(db, q, false);
		await recordSearch(db, { ...q, areaMin: 20 }, true);
		await recordSearch(db, DEFAULT_QUERY, false); // no intent: not counted
		const rows = await db.rows<Record<string, unknown>>(sql`select * from search_demand order by area_band`);
		expect(rows.map((r) => [r.area_band, r.found, Number(r.searches)])).toEqual([
			['10_30', true, 1],
			['gt_300', false, 2]
		]);
		expect(Object.keys(rows[0]).sort()).toEqual(['area_band', 'cell', 'found', 'industry', 'land_use', 'searches', 'week_of']);
		const report = await demandReport(db, staff);
		expect(report.weeks.at(-1)).toMatchObject({ searches: 3, unmet: 2 });
		await expect(demandReport(db, editorNm)).rejects.toBeInstanceOf(PermissionError);
	});

	it('marks a message sent only when a real SMTP server accepted it; refused or unreachable, it stays pending or fails', async () => {
		const received: string[] = [];
		let refuse = false;
		const server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			onRcptTo(address, _session, cb) {
				if (refuse) return cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
				cb();
			},
			onData(stream, _session, cb) {
				let text = '';
				stream.on('data', (c: Buffer) => (text += c.toString()));
				stream.on('end', () => {
					received.push(text);
					cb();
				});
			}
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
		const port = (server.server.address() as AddressInfo).port;
		try {
			await db.rows(sql`delete from notification_outbox`);
			const [{ id }] = await db.rows<{ id: number }>(sql`select id from enquiries where contact_email is not null order by id limit 1`);
			const version = async () => Number((await db.rows<{ v: number }>(sql`select version as v from enquiries where id = ${id}`))[0].v);
			await takeEnquiryAction(db, staff, id, { action: 'message', version: await version(), subject: '您的咨询', body: '欢迎来园区考察。' });
			// No server listening: still pending, one attempt recorded.
			const down = smtpTransport('smtp://127.0.0.1:1', 'SiteAtlas <no-reply@example.cn>');
			expect(await deliverOutbox(db, down)).toBe(0);
			let [m] = await db.rows<Record<string, unknown>>(
				sql`select status, attempts, sent_at, last_error, recipient from notification_outbox where enquiry_id = ${id}`
			);
			expect(m).toMatchObject({ status: 'pending', attempts: 1, sent_at: null });
			expect(String(m.last_error)).not.toContain(String(m.recipient));
			// The server accepts — but a failed message waits before it is tried again …
			const up = smtpTransport(`smtp://127.0.0.1:${port}`, 'SiteAtlas <no-reply@example.cn>');
			expect(await deliverOutbox(db, up)).toBe(0);
			expect(received).toHaveLength(0);
			// … and once its wait is over (as if two minutes passed) it is sent, with its message id.
			await db.rows(sql`update notification_outbox set last_attempt_at = now() - interval '3 minutes' where enquiry_id = ${id}`);
			expect(await deliverOutbox(db, up)).toBe(1);
			[m] = await db.rows<Record<string, unknown>>(sql`select status, sent_at, message_id from notification_outbox where enquiry_id = ${id}`);
			expect(m.status).toBe('sent');
			expect(m.sent_at).not.toBeNull();
			expect(String(m.message_id)).toMatch(/@/);
			expect(received.join('')).toContain('Subject: =?UTF-8?');
			// The server refuses the recipient (550): failed for good, never sent.
			refuse = true;
			await takeEnquiryAction(db, staff, id, { action: 'message', version: await version(), subject: 'Again', body: 'Hello again' });
			expect(await deliverOutbox(db, up)).toBe(0);
			const rows = await db.rows<{ status: string }>(sql`select status from notification_outbox where enquiry_id = ${id} order by id`);
			expect(rows.map((r) => r.status)).toEqual(['sent', 'failed']);
			const history = await enquiryHistory(db, id);
			expect(history.filter((h) => h.kind === 'message').map((h) => h.delivery?.status)).toEqual(['failed', 'sent']);
		} finally {
			await new Promise<void>((r) => server.close(() => r()));
		}
	}, 60_000);
});
