import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/client';
import { enquirySchema } from '../../src/lib/domain/enquiry';
import { createEnquiry, enquiryStatus, EnquiryRejected } from '../../src/lib/server/enquiries';
import { matchRequirement, rematchRequirements, saveRequirement } from '../../src/lib/server/requirements';
import { deliverOutbox } from '../../src/lib/server/mail/outbox';
import { SearchInputError } from '../../src/lib/server/search';
import { MODE, openEmptyDatabase } from './db';
import { loadFixture } from './fixture';

let db: Database;
beforeAll(async () => {
	db = await openEmptyDatabase();
	await loadFixture(db, 'tests/fixtures/finder/zone.geojson');
});
afterAll(() => db?.close());

const input = (over: Record<string, unknown> = {}) =>
	enquirySchema.parse({ siteKind: 'plot', siteCode: 'A', company: 'Acme', contactName: 'Li', contactEmail: 'li@example.com', ...over });
const count = async (table: string) => Number((await db.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n);

describe(`enquiries (${MODE})`, () => {
	it('stores an enquiry against the site with a reference the investor can look up', async () => {
		const { reference } = await createEnquiry(db, input({ spaceNeeded: 30, spaceUnit: 'mu', industry: 'new_materials' }), { ipHash: 'ip-a', locale: 'en' });
		expect(reference).toMatch(/^SA-\d{4}-[2-9A-Z]{6}$/);
		const [row] = await db.rows<{ company: string; space: number; plot: string }>(sql`
			select e.company, e.space_needed_m2 as space, p.code as plot from enquiries e join plots p on p.id = e.plot_id where e.reference = ${reference}`);
		expect(row).toMatchObject({ company: 'Acme', plot: 'A' });
		expect(Number(row.space)).toBeCloseTo(20_000, 3);
		expect(await enquiryStatus(db, reference)).toMatchObject({ status: 'new', siteKind: 'plot', siteCode: 'A' });
	});
	it('refuses a filled honeypot and stores nothing', async () => {
		const before = await count('enquiries');
		await expect(createEnquiry(db, input({ website: 'http://spam.example' }), { ipHash: 'ip-b', locale: 'en' })).rejects.toMatchObject({ code: 'honeypot' });
		expect(await count('enquiries')).toBe(before);
	});
	it('refuses enquiries about unpublished sites', async () => {
		await expect(createEnquiry(db, input({ siteCode: 'D' }), { ipHash: 'ip-c', locale: 'en' })).rejects.toMatchObject({ status: 404 });
	});
	it('limits each address to five enquiries an hour, others unaffected', async () => {
		for (let i = 0; i < 5; i++) await createEnquiry(db, input(), { ipHash: 'ip-flood', locale: 'zh-CN' });
		const err = await createEnquiry(db, input(), { ipHash: 'ip-flood', locale: 'zh-CN' }).catch((e) => e);
		expect(err).toBeInstanceOf(EnquiryRejected);
		expect(err.status).toBe(429);
		await expect(createEnquiry(db, input(), { ipHash: 'ip-other', locale: 'zh-CN' })).resolves.toHaveProperty('reference');
	});
	it('validates the form: contact needed, email and phone formats, positive space', () => {
		const bad = (o: Record<string, unknown>) => enquirySchema.safeParse({ siteKind: 'plot', siteCode: 'A', company: 'A', contactName: 'B', ...o });
		expect(bad({}).error?.issues[0].message).toBe('form.contact_needed');
		expect(bad({ contactEmail: 'nope' }).error?.issues[0].message).toBe('form.email');
		expect(bad({ contactPhone: 'call me' }).error?.issues[0].message).toBe('form.phone');
		expect(bad({ contactPhone: '0546-1234567', spaceNeeded: '-5' }).error?.issues[0].message).toBe('form.positive');
		expect(bad({ contactPhone: '+86 546 1234567' }).success).toBe(true);
	});
});

describe(`standing requirements and the outbox (${MODE})`, () => {
	const origin = 'https://atlas.example';
	it('matches now and writes one message per matching site, in the requirement language', async () => {
		const { reference, matched } = await saveRequirement(
			db,
			{ company: 'Catalyst Co', contactName: 'Wang', contactEmail: 'wang@example.com', filters: 'industry=new_materials&areaMin=15' },
			{ ipHash: 'ip-r', locale: 'zh-CN', origin }
		);
		expect(reference).toMatch(/^RQ-/);
		expect(matched).toBe(2);
		const rows = await db.rows<{ site_code: string; recipient: string; subject: string; body: string }>(sql`
			select o.site_code, o.recipient, o.subject, o.body from notification_outbox o
			join requirements r on r.id = o.requirement_id where r.reference = ${reference} order by o.site_code`);
		expect(rows.map((r) => r.site_code)).toEqual(['A', 'B']);
		expect(rows[0].recipient).toBe('wang@example.com');
		expect(rows[0].subject).toContain('新匹配');
		expect(rows[0].body).toContain(`${origin}/plots/A`);
		expect(rows[0].body).toContain('industry=new_materials');
	});
	it('tells only about sites that change into a match, once', async () => {
		const before = await count('notification_outbox');
		// Plot F (negotiating) is put back on offer: it now matches.
		await db.rows(sql`update plots set supply_status = 'available' where code = 'F'`);
		expect(await rematchRequirements(db, origin, [{ kind: 'plot', code: 'F' }])).toBe(1);
		expect(await rematchRequirements(db, origin, [{ kind: 'plot', code: 'F' }])).toBe(0);
		expect(await rematchRequirements(db, origin)).toBe(0);
		expect(await count('notification_outbox')).toBe(before + 1);
		await db.rows(sql`update plots set supply_status = 'negotiating' where code = 'F'`);
	});
	it('never tells about unpublished sites', async () => {
		const [r] = await db.rows<{ id: number }>(sql`select id from requirements order by id limit 1`);
		const n = await matchRequirement(
			db,
			{ id: Number(r.id), reference: 'RQ-x', contactEmail: 'x@example.com', contactName: 'X', filters: 'status=available,negotiating,reserve', locale: 'en' },
			origin
		);
		const codes = await db.rows<{ c: string }>(sql`select site_code as c from notification_outbox`);
		expect(n).toBeGreaterThanOrEqual(0);
		expect(codes.map((x) => x.c)).not.toContain('D');
		expect(codes.map((x) => x.c)).not.toContain('E');
	});
	it('refuses filters that do not parse or name unknown codes', async () => {
		const meta = { ipHash: 'ip-r2', locale: 'en' as const, origin };
		await expect(saveRequirement(db, { company: 'A', contactName: 'B', contactEmail: 'a@b.cn', filters: 'areaMin=-1' }, meta)).rejects.toBeInstanceOf(
			SearchInputError
		);
		await expect(saveRequirement(db, { company: 'A', contactName: 'B', contactEmail: 'a@b.cn', filters: 'industry=nope' }, meta)).rejects.toBeInstanceOf(
			SearchInputError
		);
	});
	it('delivers pending messages through a transport and marks them sent, each once even with two senders at a time', async () => {
		await db.rows(sql`update notification_outbox set sent_at = null, claimed_at = null, status = 'pending', attempts = 0, last_attempt_at = null`);
		const pending = Number((await db.rows<{ n: number }>(sql`select count(*)::int as n from notification_outbox`))[0].n);
		expect(pending).toBeGreaterThan(1);
		const sent: string[] = [];
		const slow = { send: async (m: { to: string; subject: string }) => void (await new Promise((r) => setTimeout(r, 5)), sent.push(`${m.to}|${m.subject}`)) };
		// Two app instances polling at once, in batches of one: neither may take the other's message.
		const [a, b] = await Promise.all([deliverOutbox(db, slow, 1).then(async (n) => n + (await deliverOutbox(db, slow, 100))), deliverOutbox(db, slow, 100)]);
		expect(a + b).toBe(pending);
		expect(sent).toHaveLength(pending);
		expect(new Set(sent).size).toBe(pending);
		expect(await deliverOutbox(db, { send: async () => {} })).toBe(0);
	});

	it('keeps a message pending when the transport fails, for the next run', async () => {
		await db.rows(sql`update notification_outbox set sent_at = null, claimed_at = null, status = 'pending', attempts = 0, last_attempt_at = null`);
		const n = await deliverOutbox(db, { send: async () => Promise.reject(new Error('SMTP down')) });
		expect(n).toBe(0);
		const [r] = await db.rows<{ n: number }>(sql`select count(*)::int as n from notification_outbox where sent_at is null and claimed_at is null`);
		expect(Number(r.n)).toBeGreaterThan(0);
	});
});

describe(`the requirements job (${MODE})`, () => {
	it('re-matches when the data versions move; without a mail transport it marks nothing sent and logs no recipient', async () => {
		const { startRequirementsWorker } = await import('../../src/lib/server/requirements/worker');
		await db.rows(sql`delete from notification_outbox`);
		const lines: string[] = [];
		const log = console.log;
		console.log = (...args: unknown[]) => void lines.push(args.join(' '));
		try {
			const stop = startRequirementsWorker(db, 'https://atlas.example', 60_000);
			await expect.poll(async () => Number((await db.rows<{ n: number }>(sql`select count(*)::int as n from notification_outbox`))[0].n)).toBeGreaterThan(0);
			stop();
		} finally {
			console.log = log;
		}
		const [sent] = await db.rows<{ n: number }>(sql`select count(*)::int as n from notification_outbox where sent_at is not null`);
		expect(Number(sent.n)).toBe(0);
		const recipients = await db.rows<{ recipient: string }>(sql`select distinct recipient from notification_outbox`);
		for (const { recipient } of recipients) for (const line of lines) expect(line).not.toContain(recipient);
	});
});
