/**
 * The built app as the resilience suite drives it: started as `node build` on a spare
 * loopback port, on the embedded database (a copy of the seeded data directory that
 * global-setup.ts prepared) or on the PostgreSQL server named by RESILIENCE_DATABASE_URL;
 * stopped, or killed with SIGKILL. A small HTTP client keeps a session cookie and sends
 * every request from a chosen client address (X-Forwarded-For; the app trusts it here
 * through ADDRESS_HEADER, as it would behind a proxy).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

export const MODE: 'embedded' | 'server' = process.env.RESILIENCE_DATABASE_URL ? 'server' : 'embedded';

/** The app's folder (its build/ and db/migrations): this checkout, or another one to compare with (RESILIENCE_APP_DIR). */
export const APP_DIR = path.resolve(process.env.RESILIENCE_APP_DIR ?? '.');

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

export interface App {
	base: string;
	dataDir: string | null;
	process: ChildProcess;
	log: string[];
	/** SIGTERM, and wait for the exit. */
	stop(): Promise<void>;
	/** SIGKILL: no shutdown at all. */
	kill(): Promise<void>;
	exited: Promise<number | null>;
}

/** Copies the seeded embedded data directory (one per app instance, so tests do not share state). */
export function freshDataDir(): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'siteatlas-resilience-'));
	cpSync(inject('seededDataDir'), dir, { recursive: true });
	return dir;
}

export async function startApp(opts: { dataDir?: string; env?: Record<string, string> } = {}): Promise<App> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const dataDir = MODE === 'embedded' ? (opts.dataDir ?? freshDataDir()) : null;
	const env: Record<string, string> = {
		...(process.env as Record<string, string>),
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: base,
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1',
		SITEATLAS_OUTBOX: 'off',
		// The suites generate load from a few addresses; the rate limit has its own test (exports.test.ts).
		SITEATLAS_API_RATE: '1000000',
		...(MODE === 'server' ? { DATABASE_URL: process.env.RESILIENCE_DATABASE_URL!, SITEATLAS_SEED: 'sample' } : { SITEATLAS_DATA_DIR: dataDir! }),
		...opts.env
	};
	delete env.TEST_DATABASE_URL;
	if (MODE === 'embedded') delete env.DATABASE_URL;
	const child = spawn(process.execPath, ['build'], { cwd: APP_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
	const log: string[] = [];
	child.stdout!.on('data', (d) => log.push(String(d)));
	child.stderr!.on('data', (d) => log.push(String(d)));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	let up = false;
	for (let i = 0; i < 600 && !up; i++) {
		if (child.exitCode !== null) throw new Error(`the app exited while starting:\n${log.join('')}`);
		up = await fetch(`${base}/api/health`, { headers: { 'x-forwarded-for': '203.0.113.1' } })
			.then((r) => r.ok)
			.catch(() => false);
		if (!up) await new Promise((r) => setTimeout(r, 250));
	}
	if (!up) throw new Error(`the app did not answer /api/health in 150 s:\n${log.join('')}`);
	return {
		base,
		dataDir,
		process: child,
		log,
		exited,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		},
		async kill() {
			if (child.exitCode === null) child.kill('SIGKILL');
			await exited;
		}
	};
}

export function removeDataDir(dir: string | null) {
	if (dir) rmSync(dir, { recursive: true, force: true });
}

export interface Answer {
	status: number;
	headers: Headers;
	text: string;
	json: Record<string, unknown> | null;
}

/** An HTTP client for one user (or nobody) from one address. */
export class Client {
	cookie = '';
	constructor(
		readonly base: string,
		readonly address = '203.0.113.10'
	) {}

	async request(
		method: string,
		url: string,
		body?: { json?: unknown; raw?: string; type?: string; form?: Record<string, string>; multipart?: FormData }
	): Promise<Answer> {
		// Form posts (any write to a page: its form action) come from a browser without JavaScript and
		// take an HTML answer; everything else asks for JSON.
		const action = body?.form || url.includes('?/') || (method !== 'GET' && !/^\/(api|tiles|photos|basemap)\//.test(url));
		const accept = action ? 'text/html,application/xhtml+xml' : 'application/json, text/html;q=0.5';
		const headers: Record<string, string> = { origin: this.base, 'x-forwarded-for': this.address, accept };
		if (this.cookie) headers.cookie = this.cookie;
		let payload: BodyInit | undefined;
		if (body?.json !== undefined) {
			headers['content-type'] = 'application/json';
			payload = JSON.stringify(body.json);
		} else if (body?.raw !== undefined) {
			headers['content-type'] = body.type ?? 'application/json';
			payload = body.raw;
		} else if (body?.form) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			payload = new URLSearchParams(body.form).toString();
		} else if (body?.multipart) {
			payload = body.multipart;
		}
		// No answer in 60 s is a hang, reported as such (a test must end, and say where it waited).
		const res = await fetch(this.base + url, { method, headers, body: payload, redirect: 'manual', signal: AbortSignal.timeout(60_000) }).catch((e) => {
			throw new Error(`${method} ${url} had no answer: ${(e as Error).name}`);
		});
		const text = await res.text();
		let json: Record<string, unknown> | null;
		try {
			json = JSON.parse(text);
		} catch {
			json = null;
		}
		return { status: res.status, headers: res.headers, text, json };
	}

	get = (url: string) => this.request('GET', url);

	/** Signs in through the form, as a browser does; keeps the session cookie. */
	async signIn(email: string, password: string): Promise<this> {
		const r = await fetch(`${this.base}/signin`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: this.base, 'x-forwarded-for': this.address, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ email, password }).toString()
		});
		const cookie = r.headers.get('set-cookie')?.split(';')[0];
		if (r.status !== 303 || !cookie) throw new Error(`sign-in as ${email} answered ${r.status}`);
		this.cookie = cookie;
		return this;
	}
}

export const DEMO = {
	staff: ['staff@demo.siteatlas', 'demo-staff-2026'],
	editorNM: ['editor-nm@demo.siteatlas', 'demo-nm-2026'],
	editorTE: ['editor-te@demo.siteatlas', 'demo-te-2026'],
	admin: ['admin@demo.siteatlas', 'demo-admin-2026']
} as const;
