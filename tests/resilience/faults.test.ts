/**
 * Faults under load. Server mode: PostgreSQL restarted (fast, then immediate) while 30 readers
 * and 6 writers work — the app survives, answers 503 only while the database is away, serves
 * again by itself, and every write it acknowledged is there. Embedded mode: the server is
 * killed with SIGKILL during writes — the data directory reopens with every acknowledged write.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { Client, DEMO, MODE, removeDataDir, startApp, type App } from './app';

const READERS = 30;
const WRITERS = 6;

/** Sequential note edits on one plot per writer, remembering what was acknowledged. */
class Writer {
	acked: string | null = null;
	attempted: string | null = null;
	ackedVersion = 0;
	n = 0;
	statuses: number[] = [];
	constructor(
		readonly client: Client,
		readonly code: string
	) {}

	async run(until: () => boolean) {
		while (!until()) {
			const state = await this.client.get(`/api/console/plots/${this.code}`).catch(() => null);
			if (state?.status !== 200) {
				this.statuses.push(state?.status ?? 0);
				await new Promise((r) => setTimeout(r, 100));
				continue;
			}
			const { id: _i, code: _c, parkId: _p, areaM2: _a, confirmedAt: _f, boundary: _b, ...fields } = state!.json!;
			const notes = `write ${this.n++} by ${this.code}`;
			this.attempted = notes;
			const a = await this.client.request('PUT', `/api/console/plots/${this.code}`, { json: { ...fields, notes } }).catch(() => null);
			this.statuses.push(a?.status ?? 0);
			if (a?.status === 200) {
				this.acked = notes;
				this.ackedVersion = Number(a.json!.version);
			}
		}
	}
}

async function writersOn(app: App): Promise<Writer[]> {
	const staff = await new Client(app.base, '203.0.113.60').signIn(...DEMO.staff);
	const items = (await staff.get('/api/search?pageSize=50&stale=1')).json!.items as { code: string }[];
	// One after another: sign-ins of one account at the same moment count against its throttle.
	const writers: Writer[] = [];
	for (const [i, p] of items.slice(10, 10 + WRITERS).entries())
		writers.push(new Writer(await new Client(app.base, `203.0.113.${61 + i}`).signIn(...DEMO.staff), p.code));
	return writers;
}

const READ_URLS = [
	'/api/search?industry=new_materials',
	'/tiles/all/14/13585/6354.mvt',
	'/api/map',
	'/api/heat?metric=vacant_floor&z=13&bbox=118.45,37.36,118.55,37.42',
	'/api/taxonomy'
];

async function reader(base: string, until: () => boolean, statuses: Map<number, number>, times: { at: number; status: number }[]) {
	const c = new Client(base, '203.0.113.90');
	let i = 0;
	while (!until()) {
		const a = await c.get(READ_URLS[i++ % READ_URLS.length]).catch(() => null);
		const s = a?.status ?? 0;
		statuses.set(s, (statuses.get(s) ?? 0) + 1);
		times.push({ at: performance.now(), status: s });
		if (!a) await new Promise((r) => setTimeout(r, 50));
	}
}

async function verifyAcknowledged(app: App, writers: Writer[]) {
	const staff = await new Client(app.base, '203.0.113.70').signIn(...DEMO.staff);
	let checked = 0;
	for (const w of writers) {
		const state = (await staff.get(`/api/console/plots/${w.code}`)).json!;
		// The last acknowledged note, or the one after it if that write committed but its answer was lost.
		expect([w.acked, w.attempted], `${w.code}: stored "${state.notes}"`).toContain(state.notes);
		expect(Number(state.version)).toBeGreaterThanOrEqual(w.ackedVersion);
		checked += w.statuses.filter((s) => s === 200).length;
	}
	return checked;
}

const pg = () => {
	const dir = process.env.RESILIENCE_PG_DIR;
	const port = process.env.RESILIENCE_PG_PORT;
	if (!dir || !port) throw new Error('Server mode needs RESILIENCE_PG_DIR and RESILIENCE_PG_PORT (see .ci/run) to restart PostgreSQL.');
	return { dir, port };
};

function restartPostgres(mode: 'fast' | 'immediate') {
	const { dir, port } = pg();
	const cmd = `/usr/lib/postgresql/15/bin/pg_ctl -D '${dir}/data' -l '${dir}/log' -m ${mode} -w restart -o "-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=on"`;
	if (process.getuid?.() === 0) execFileSync('su', ['postgres', '-s', '/bin/bash', '-c', cmd], { stdio: 'ignore' });
	else execFileSync('bash', ['-c', cmd], { stdio: 'ignore' });
}

const apps: App[] = [];
afterAll(async () => {
	for (const a of apps) {
		await a.stop();
		removeDataDir(a.dataDir);
	}
});

describe.runIf(MODE === 'server')('PostgreSQL restarted under load (server)', () => {
	for (const mode of ['fast', 'immediate'] as const) {
		it(`survives a ${mode} restart: 503 only during the outage, then serves; no acknowledged write lost`, async () => {
			const app = await startApp();
			apps.push(app);
			const writers = await writersOn(app);
			let stop = false;
			const statuses = new Map<number, number>();
			const times: { at: number; status: number }[] = [];
			const work = [...Array.from({ length: READERS }, () => reader(app.base, () => stop, statuses, times)), ...writers.map((w) => w.run(() => stop))];
			await new Promise((r) => setTimeout(r, 2000));
			restartPostgres(mode);
			const back = performance.now();
			await new Promise((r) => setTimeout(r, 4000));
			stop = true;
			await Promise.all(work);
			expect(app.process.exitCode, app.log.join('')).toBeNull();
			const seen = Object.fromEntries(statuses);
			expect(seen[500] ?? 0, `${JSON.stringify(seen)}\n${app.log.filter((l) => /\[5\d\d\]|Error/.test(l)).join('')}`).toBe(0);
			expect(
				Object.keys(seen).every((s) => ['200', '304', '503'].includes(s)),
				JSON.stringify(seen)
			).toBe(true);
			// Once PostgreSQL is back and the app has served from it again, each pooled connection
			// reconnects within a second (the driver's backoff is capped at 1 s): no 503 after that.
			const served = times.find((t) => t.at > back && t.status === 200);
			expect(served, 'the app served again after the restart').toBeTruthy();
			expect(times.filter((t) => t.at > served!.at + 2000 && t.status === 503)).toEqual([]);
			const writes = writers.flatMap((w) => w.statuses);
			expect(writes.filter((s) => s >= 500 && s !== 503)).toEqual([]);
			const acknowledged = await verifyAcknowledged(app, writers);
			expect(acknowledged).toBeGreaterThan(0);
			console.log(
				`[resilience server] ${mode} restart: ${times.length} reads (${seen[503] ?? 0} answered 503 during the outage), ${acknowledged} acknowledged writes all kept`
			);
			const health = await new Client(app.base).get('/api/health');
			expect(health.status).toBe(200);
			expect(app.log.join('')).not.toMatch(/params:|@example\.com|Uncaught|TypeError/);
		});
	}
});

describe.runIf(MODE === 'embedded')('the embedded server killed during writes (embedded)', () => {
	it('reopens its data directory with every acknowledged write', async () => {
		const app = await startApp();
		const writers = await writersOn(app);
		let stop = false;
		const work = writers.map((w) => w.run(() => stop));
		await new Promise((r) => setTimeout(r, 4000));
		await app.kill();
		stop = true;
		await Promise.all(work);
		const acked = writers.reduce((n, w) => n + w.statuses.filter((s) => s === 200).length, 0);
		expect(acked).toBeGreaterThan(5);
		const again = await startApp({ dataDir: app.dataDir! });
		apps.push(again);
		expect(await verifyAcknowledged(again, writers)).toBe(acked);
		console.log(`[resilience embedded] SIGKILL during writes: ${acked} acknowledged writes all there after reopening`);
	});
});
