/**
 * Concurrency over HTTP against the built app: editors racing on one record get exactly one
 * winner, and limits hold when 50 requests arrive at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DEMO, MODE, removeDataDir, startApp, type App } from './app';

let app: App;
let staff: Client;
let plotCode: string;

beforeAll(async () => {
	app = await startApp();
	staff = await new Client(app.base, '203.0.113.40').signIn(...DEMO.staff);
	const items = (await staff.get('/api/search?pageSize=50&stale=1')).json!.items as { code: string; park: { code: string } }[];
	plotCode = items.find((i) => i.park.code === 'TE')!.code;
}, 300_000);

afterAll(async () => {
	await app?.stop();
	removeDataDir(app?.dataDir ?? null);
});

const count = (xs: number[], s: number) => xs.filter((x) => x === s).length;

describe(`concurrent requests (${MODE})`, () => {
	it('20 editors saving one plot at the same version: one 200, nineteen 409s, the version moves by one', async () => {
		const before = (await staff.get(`/api/console/plots/${plotCode}`)).json!;
		const editors: Client[] = [];
		for (let i = 0; i < 4; i++) editors.push(await new Client(app.base, `203.0.113.${41 + i}`).signIn(...DEMO.staff));
		const { id: _id, code: _code, parkId: _park, areaM2: _a, confirmedAt: _c, boundary: _b, ...fields } = before;
		const answers = await Promise.all(
			Array.from({ length: 20 }, (_, i) => editors[i % 4].request('PUT', `/api/console/plots/${plotCode}`, { json: { ...fields, notes: `editor ${i}` } }))
		);
		const statuses = answers.map((a) => a.status);
		expect(count(statuses, 200), JSON.stringify(statuses)).toBe(1);
		expect(count(statuses, 409)).toBe(19);
		expect(answers.filter((a) => a.status === 409).every((a) => (a.json!.current as { version: number }).version === Number(before.version) + 1)).toBe(true);
		const after = (await staff.get(`/api/console/plots/${plotCode}`)).json!;
		expect(after.version).toBe(Number(before.version) + 1);
		const winner = answers.find((a) => a.status === 200)!.json!;
		expect(after.notes).toBe(winner.notes);
	});

	it('50 enquiries at once from one address: five accepted, 45 told to wait (429)', async () => {
		const investor = new Client(app.base, '198.51.100.7');
		const answers = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				investor.request('POST', '/api/enquiries', {
					json: { siteKind: 'plot', siteCode: plotCode, company: `Firm ${i}`, contactName: 'Chen', contactEmail: 'chen@example.com' }
				})
			)
		);
		const statuses = answers.map((a) => a.status);
		expect(count(statuses, 201), JSON.stringify(statuses)).toBe(5);
		expect(count(statuses, 429)).toBe(45);
		expect(answers.filter((a) => a.status === 429).every((a) => typeof a.json!.message === 'string')).toBe(true);
		// Another address is not affected.
		const other = await new Client(app.base, '198.51.100.8').request('POST', '/api/enquiries', {
			json: { siteKind: 'plot', siteCode: plotCode, company: 'Other', contactName: 'Lin', contactEmail: 'lin@example.com' }
		});
		expect(other.status).toBe(201);
	});

	it('50 standing requirements at once from one address: five saved', async () => {
		const investor = new Client(app.base, '198.51.100.9');
		const answers = await Promise.all(
			Array.from({ length: 50 }, () =>
				investor.request('POST', '/api/requirements', {
					json: { company: 'Req', contactName: 'Hu', contactEmail: 'hu@example.com', filters: 'industry=new_materials' }
				})
			)
		);
		const statuses = answers.map((a) => a.status);
		expect(count(statuses, 201), JSON.stringify(statuses)).toBe(5);
		expect(count(statuses, 429)).toBe(45);
	});

	it('30 wrong passwords at once for one account: five checked, 25 refused before hashing (429)', async () => {
		const email = `parallel-${Date.now()}@zone.example`;
		const answers = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				new Client(app.base, `198.51.100.${100 + i}`).request('POST', '/signin', { form: { email, password: `guess-${i}` } })
			)
		);
		const statuses = answers.map((a) => a.status);
		expect(count(statuses, 400), JSON.stringify(statuses)).toBe(5);
		expect(count(statuses, 429)).toBe(25);
	});
});
