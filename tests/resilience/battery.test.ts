/**
 * Bad input over every route the app has (found in src/routes): spoilt addresses, query
 * parameters, JSON, form and multipart bodies. Never a 5xx, always a message, nothing written
 * by a refused request; security headers on every answer. Then the access matrix: every write
 * refuses a stranger (401) and a user without the role or the park (403) before it looks at
 * the body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, MODE, removeDataDir, startApp, type Answer, type App } from './app';
import { discoverRoutes, ROUTE_TABLE, type FoundRoute, type RouteSpec, type Samples, type Who } from './routes';
import { PNG, sampleRecords } from './samples';

let app: App;
let samples: Samples;
let clients: Record<Who, Client>;
let editorNM: Client;
const tally = { routes: 0, inputs: 0, refused: 0, accepted: 0, matrix: 0 };

beforeAll(async () => {
	app = await startApp();
	const r = await sampleRecords(app.base);
	samples = r.samples;
	editorNM = r.editorNM;
	clients = { anonymous: new Client(app.base, '203.0.113.30'), staff: r.staff, editorNM: r.editorNM, admin: r.admin };
}, 300_000);

afterAll(async () => {
	console.log(
		`[resilience ${MODE}] ${tally.routes} routes, ${tally.inputs} bad inputs tried (${tally.refused} refused with a message, ${tally.accepted} harmless and accepted), ${tally.matrix} access checks`
	);
	await app?.stop();
	removeDataDir(app?.dataDir ?? null);
});

const BAD_SEGMENTS = [
	'%00',
	'a%00b',
	'x'.repeat(300),
	'%E6%96%B0%E6%9D%90%E6%96%99',
	'-1',
	'99999999999999999999',
	'%2E%2E',
	"'%3B%20drop%20table%20plots%3B--",
	'1e%2B5',
	'%E0%A4%A'
];
const BAD_QUERY = ['%00', 'x%00y', '9999-99-99', '2026-02-30', '1e309', '-1', 'NaN', '%ZZ', 'a'.repeat(3000), '[]', '0,0,0,0,0', '%0A%0D', 'null'];
const BAD_DATES = ['2026-02-30', '9999-99-99', '0000-00-00', '2026-13-01'];

/** Every spoilt version of a JSON value: one change at a time, at every leaf. */
function* spoilJson(root: unknown, value: unknown, at: (string | number)[] = []): Generator<{ label: string; value: unknown }> {
	const set = (v: unknown): unknown => setPath(structuredClone(root), at, v);
	const name = at.join('.') || 'body';
	if (typeof value === 'string') {
		yield { label: `${name}=NUL`, value: set(`${value}\u0000`) };
		yield { label: `${name}=control`, value: set(`a\u0007b\u001b[31m`) };
		if (/^\d{4}-\d{2}-\d{2}/.test(value)) for (const d of BAD_DATES) yield { label: `${name}=${d}`, value: set(value.replace(/^\d{4}-\d{2}-\d{2}/, d)) };
		yield { label: `${name}=long`, value: set('长'.repeat(20_000)) };
		yield { label: `${name}=number`, value: set(12) };
	} else if (typeof value === 'number') {
		for (const v of [-1, 1e308, -1e308, 0.5, 'NaN', null, '12']) yield { label: `${name}=${v}`, value: set(v) };
	} else if (typeof value === 'boolean') {
		yield { label: `${name}=text`, value: set('yes') };
	} else if (value === null) {
		yield { label: `${name}=object`, value: set({ a: 1 }) };
		yield { label: `${name}=date`, value: set('2026-02-30') };
		yield { label: `${name}=NUL`, value: set('\u0000') };
	} else if (Array.isArray(value)) {
		yield { label: `${name}=[]`, value: set([]) };
		yield { label: `${name}=deep`, value: set(DEEP) };
		for (let i = 0; i < Math.min(value.length, 2); i++) yield* spoilJson(root, value[i], [...at, i]);
	} else if (typeof value === 'object') {
		if (at[at.length - 1] === 'geometry') yield* spoilGeometry(set);
		yield { label: `${name}=null`, value: set(null) };
		for (const [k, v] of Object.entries(value as object)) yield* spoilJson(root, v, [...at, k]);
	}
}

function setPath(root: unknown, at: (string | number)[], v: unknown): unknown {
	if (at.length === 0) return v;
	let o = root as Record<string | number, unknown>;
	for (const k of at.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
	o[at[at.length - 1]] = v;
	return root;
}

/**
 * 5,000 levels of nested arrays. JSON.stringify cannot write that (it recurses), so the value
 * is a marker that `toRaw` replaces with the nested text.
 */
const DEEP = '\u2063deep\u2063';
const DEEP_TEXT = `${'['.repeat(5000)}118.5,37.4${']'.repeat(5000)}`;
const toRaw = (v: unknown) => JSON.stringify(v).replaceAll(JSON.stringify(DEEP), DEEP_TEXT);

function* spoilGeometry(set: (v: unknown) => unknown): Generator<{ label: string; value: unknown }> {
	const ring = [
		[118.5, 37.4],
		[118.501, 37.4],
		[118.501, 37.401],
		[118.5, 37.4]
	];
	yield { label: 'geometry=unclosed', value: set({ type: 'Polygon', coordinates: [ring.slice(0, 3)] }) };
	yield { label: 'geometry=two points', value: set({ type: 'Polygon', coordinates: [ring.slice(0, 2)] }) };
	yield { label: 'geometry=one point', value: set({ type: 'Polygon', coordinates: [[ring[0]]] }) };
	yield { label: 'geometry=Polygon at MultiPolygon depth', value: set({ type: 'Polygon', coordinates: [[ring]] }) };
	yield { label: 'geometry=MultiPolygon at Polygon depth', value: set({ type: 'MultiPolygon', coordinates: [ring] }) };
	yield { label: 'geometry=5000 levels', value: set({ type: 'MultiPolygon', coordinates: DEEP }) };
	yield { label: 'geometry=1e+5', value: set({ type: 'Polygon', coordinates: [[[1e5, 37.4], ...ring.slice(1, 3), [1e5, 37.4]]] }) };
	yield { label: 'geometry=null coordinate', value: set({ type: 'Polygon', coordinates: [[[null, 37.4], ...ring.slice(1, 3), [null, 37.4]]] }) };
	yield { label: 'geometry=Point', value: set({ type: 'Point', coordinates: [118.5, 37.4] }) };
	yield {
		label: 'geometry=bow-tie',
		value: set({
			type: 'Polygon',
			coordinates: [
				[
					[118.5, 37.4],
					[118.501, 37.401],
					[118.501, 37.4],
					[118.5, 37.401],
					[118.5, 37.4]
				]
			]
		})
	};
}

function jsonAttempts(valid: unknown): { label: string; raw: string }[] {
	const out: { label: string; raw: string }[] = [
		{ label: 'not JSON', raw: 'not json' },
		{ label: 'truncated', raw: '{"a":' },
		{ label: 'array', raw: '[]' },
		{ label: 'null', raw: 'null' },
		{ label: 'string', raw: '"x"' },
		{ label: '5000 levels', raw: DEEP_TEXT },
		{ label: 'NUL key', raw: JSON.stringify({ ['k\u0000']: 1 }) }
	];
	for (const a of spoilJson(valid, valid)) out.push({ label: a.label, raw: toRaw(a.value) });
	return out;
}

function formAttempts(valid: Record<string, string>): { label: string; form: Record<string, string> }[] {
	const out = [{ label: 'empty form', form: {} as Record<string, string> }];
	for (const k of Object.keys(valid)) {
		out.push({ label: `${k}=NUL`, form: { ...valid, [k]: `${valid[k]}\u0000` } });
		out.push({ label: `${k}=control`, form: { ...valid, [k]: 'a\u0008b' } });
		out.push({ label: `${k}=long`, form: { ...valid, [k]: 'x'.repeat(50_000) } });
	}
	return out;
}

function multipartAttempts(s: Samples): { label: string; form: FormData }[] {
	const make = (fields: Record<string, string>, file?: File) => {
		const f = new FormData();
		for (const [k, v] of Object.entries(fields)) f.set(k, v);
		if (file) f.set('file', file);
		return f;
	};
	const png = new File([PNG], 'p.png', { type: 'image/png' });
	const ok = { kind: 'plot', code: s.plotNM, caption: 'Gate' };
	return [
		{ label: 'nothing', form: make({}) },
		{ label: 'kind=NUL', form: make({ ...ok, kind: 'plot\u0000' }, png) },
		{ label: 'code=NUL', form: make({ ...ok, code: `${s.plotNM}\u0000` }, png) },
		{ label: 'caption=NUL', form: make({ ...ok, caption: 'x\u0000' }, png) },
		{ label: 'caption=long', form: make({ ...ok, caption: 'x'.repeat(5000) }, png) },
		{ label: 'no file', form: make(ok) },
		{ label: 'file is text', form: make(ok, new File(['hello'], 'x.png', { type: 'image/png' })) },
		{ label: 'empty file', form: make(ok, new File([], 'x.png', { type: 'image/png' })) },
		{ label: 'unknown code', form: make({ ...ok, code: 'NO-SUCH-PLOT' }, png) }
	];
}

/** The concrete address with one [param] segment replaced. */
function spoilPath(route: FoundRoute, url: string): string[] {
	const [pathPart, query] = url.split('?');
	const ids = route.id.split('/');
	const segs = pathPart.split('/');
	const out: string[] = [];
	ids.forEach((seg, i) => {
		if (!seg.includes('[')) return;
		const suffix = seg.replace(/\[[^\]]+\]/, '').replace(/^.*\]/, '');
		for (const bad of BAD_SEGMENTS) {
			const copy = [...segs];
			copy[i] = bad + suffix;
			out.push(copy.join('/') + (query !== undefined ? `?${query}` : ''));
		}
	});
	return out;
}

async function probe(): Promise<string> {
	const staff = clients.staff;
	const [health, plot, building, tour] = await Promise.all([
		staff.get('/api/health'),
		staff.get(`/api/console/plots/${samples.plotNM}`),
		staff.get(`/api/console/buildings/${samples.buildingNM}`),
		staff.get(`/api/console/tours/${samples.tourId}`)
	]);
	return JSON.stringify([health.json?.layerVersions, plot.json?.version, building.json?.version, tour.json?.version]);
}

function expectAnswered(a: Answer, what: string) {
	expect(a.status, `${what} → ${a.status} ${a.text.slice(0, 300)}`).toBeLessThan(500);
	if (a.status >= 400) {
		const message = a.json ? a.json.message : a.text.replace(/<[^>]+>/g, ' ').trim();
		expect(typeof message === 'string' && message.length > 0, `${what} → ${a.status} without a message`).toBe(true);
	}
	// SvelteKit answers a path with `..` by a bodiless 308 to the normalised path before any hook runs.
	if (a.status >= 300 && a.status < 400 && a.headers.get('x-sveltekit-normalize')) return;
	expect(a.headers.get('x-content-type-options'), what).toBe('nosniff');
	expect(a.headers.get('x-frame-options'), what).toBe('DENY');
	expect(a.headers.get('content-security-policy'), what).toBeTruthy();
}

async function tryAll(route: FoundRoute, spec: RouteSpec) {
	const c = clients[spec.as ?? 'anonymous'];
	const url = spec.path(samples);
	const method = route.method;
	const isWrite = !!spec.access;
	const send = async (label: string, u: string, body?: Parameters<Client['request']>[2]) => {
		const before = isWrite ? await probe() : '';
		const a = await c.request(method, u, body);
		tally.inputs++;
		expectAnswered(a, `${route.key} [${label}]`);
		if (a.status >= 400) {
			tally.refused++;
			if (isWrite) expect(await probe(), `${route.key} [${label}] refused but changed data`).toBe(before);
		} else tally.accepted++;
	};
	if (!spec.destructive && method === 'GET') {
		const a = await c.request('GET', url);
		expectAnswered(a, `${route.key} [as is]`);
		expect(a.status, `${route.key} [as is]`).toBeLessThan(400);
	}
	for (const u of spoilPath(route, url)) await send(`path ${u.slice(0, 60)}`, u);
	for (const q of spec.query ?? []) for (const bad of BAD_QUERY) await send(`${q}=${bad.slice(0, 12)}`, `${url}${url.includes('?') ? '&' : '?'}${q}=${bad}`);
	if (method === 'GET') await send('x=%00', `${url}${url.includes('?') ? '&' : '?'}x=%00`);
	if (spec.destructive) return;
	const body = spec.body;
	if (body?.kind === 'json') for (const a of jsonAttempts(await body.valid(samples, c))) await send(a.label, url, { raw: a.raw });
	if (body?.kind === 'form') for (const a of formAttempts(body.valid(samples))) await send(a.label, url, { form: a.form });
	if (body?.kind === 'multipart') for (const a of multipartAttempts(samples)) await send(a.label, url, { multipart: a.form });
}

const routes = discoverRoutes();

describe(`every route refuses bad input with a message, never a 5xx (${MODE})`, () => {
	it('has a test entry for every route in src/routes, and none for routes that are gone', () => {
		const found = routes.map((r) => r.key).sort();
		expect(
			found.filter((k) => !(k in ROUTE_TABLE)),
			'routes without an entry in tests/resilience/routes.ts'
		).toEqual([]);
		expect(
			Object.keys(ROUTE_TABLE).filter((k) => !found.includes(k)),
			'entries for routes that no longer exist'
		).toEqual([]);
		expect(found.length).toBeGreaterThan(50);
	});

	for (const route of routes) {
		it(route.key, { timeout: 600_000 }, async () => {
			const spec = ROUTE_TABLE[route.key];
			if (!spec) throw new Error(`no entry for ${route.key}`);
			tally.routes++;
			await tryAll(route, spec);
		});
	}
});

describe(`every write checks who is asking before it reads the body (${MODE})`, () => {
	for (const route of routes) {
		const spec = ROUTE_TABLE[route.key];
		if (!spec?.access || spec.access.kind === 'public') continue;
		it(route.key, async () => {
			const url = spec.path(samples);
			const invalid =
				spec.body?.kind === 'form' ? { form: { junk: '\u0000' } } : spec.body?.kind === 'multipart' ? { multipart: new FormData() } : { raw: '{"not":"valid"' };
			const stranger = await clients.anonymous.request(route.method, url, invalid);
			tally.matrix++;
			if (route.id.startsWith('/api/')) expect(stranger.status, `${route.key} anonymous`).toBe(401);
			else expect([303, 401], `${route.key} anonymous → ${stranger.status}`).toContain(stranger.status);
			if (stranger.status === 303) expect(stranger.headers.get('location')).toMatch(/^\/signin\?next=/);
			const access = spec.access!;
			if (access.kind === 'staff' || access.kind === 'admin') {
				const editor = await editorNM.request(route.method, url, invalid);
				tally.matrix++;
				expect(editor.status, `${route.key} park editor → ${editor.text.slice(0, 200)}`).toBe(403);
			}
			if (access.kind === 'admin') {
				const staff = await clients.staff.request(route.method, url, invalid);
				tally.matrix++;
				expect(staff.status, `${route.key} staff → ${staff.text.slice(0, 200)}`).toBe(403);
			}
			if (access.kind === 'park') {
				const foreign = access.foreign(samples);
				const answer =
					typeof foreign === 'string'
						? await editorNM.request(route.method, foreign, invalid)
						: foreign instanceof FormData
							? await editorNM.request(route.method, url, { multipart: foreign })
							: await editorNM.request(route.method, url, { json: foreign });
				tally.matrix++;
				expect(answer.status, `${route.key} editor of another park → ${answer.text.slice(0, 200)}`).toBe(403);
			}
		});
	}
});

describe(`what the review saw, over HTTP (${MODE})`, () => {
	it('sends sign-in back only to a path on this site', async () => {
		for (const next of ['/%5Cevil.example', '/%09evil.example', '//evil.example', 'https://evil.example', '/%5C%5Cevil.example']) {
			const c = new Client(app.base, '203.0.113.31');
			const r = await fetch(`${app.base}/signin?next=${next}`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: app.base, 'x-forwarded-for': c.address, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
				body: new URLSearchParams({ email: 'staff@demo.siteatlas', password: 'demo-staff-2026' }).toString()
			});
			expect(r.status, next).toBe(303);
			expect(r.headers.get('location'), next).toBe('/console');
		}
	});

	it('sends a stranger from every console page to sign-in, data requests included', async () => {
		for (const route of routes.filter((r) => r.kind === 'page' && r.id.startsWith('/console'))) {
			const url = ROUTE_TABLE[route.key].path(samples).split('?')[0];
			const page = await clients.anonymous.get(url);
			expect(page.status, `${url} → ${page.status}`).toBe(303);
			expect(page.headers.get('location')).toMatch(/^\/signin\?next=/);
			// A client-side navigation asks for the data alone; SvelteKit answers it with a redirect to follow.
			const data = await clients.anonymous.get(`${url}/__data.json`);
			expect(data.json, `${url}/__data.json → ${data.text.slice(0, 200)}`).toMatchObject({
				type: 'redirect',
				location: expect.stringMatching(/^\/signin\?next=/)
			});
		}
	});

	it('takes a photo of 1.5 MB through `node build` (adapter-node alone would refuse over 512 KB)', async () => {
		const big = new Uint8Array(1_500_000);
		big.set(PNG);
		const form = new FormData();
		form.set('kind', 'plot');
		form.set('code', samples.plotNM);
		form.set('caption', 'Aerial view');
		form.set('file', new File([big], 'aerial.png', { type: 'image/png' }));
		const a = await clients.staff.request('POST', '/api/console/photos', { multipart: form });
		expect(a.status, a.text).toBe(200);
	});

	it('never wrote query parameters or what people typed into the log', () => {
		const log = app.log.join('');
		expect(log).not.toMatch(/params:|Failed query/);
		for (const typed of ['zhao@example.com', 'wang@example.com', 'Checked on site', 'Resilience tour']) expect(log).not.toContain(typed);
	});
});
