/**
 * The checks and the load of scripts/scale-out-demo.sh (run by it; not on its own): replication
 * is synchronous and the apps read from the replica; tiles per second through nginx, first from
 * the apps and then from nginx's cache; and an edit through instance A shows in the next tile,
 * search and heat answer through instance B and through nginx. Exits non-zero on any failure.
 */
import postgres from 'postgres';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { tileOf, type TileXYZ } from '../src/lib/geo/tiles';
import { plotEditOf } from '../src/lib/domain/edit-schemas';
import { dataVersion } from '../src/lib/map/style';
import { pct, requestAll } from './bench-util';

const args = process.argv.slice(2);
const arg = (name: string) => {
	const i = args.indexOf(`--${name}`);
	if (i < 0 || !args[i + 1]) throw new Error(`--${name} is required`);
	return args[i + 1];
};
const NGINX = arg('nginx');
const A = arg('a');
const B = arg('b');
const quick = args.includes('--quick');
const primary = postgres(arg('primary'), { max: 2, onnotice: () => {} });
const replica = postgres(arg('replica'), { max: 2, onnotice: () => {} });

let failures = 0;
function check(ok: boolean, what: string) {
	console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
	if (!ok) failures++;
}

async function version(base: string): Promise<number> {
	const meta = await (await fetch(`${base}/api/map`)).json();
	return dataVersion(meta.versions);
}

function plotStatus(body: Uint8Array, code: string): string | null {
	const layer = new VectorTile(new PbfReader(body)).layers.plots;
	for (let i = 0; i < (layer?.length ?? 0); i++) if (layer!.feature(i).properties.code === code) return String(layer!.feature(i).properties.status);
	return null;
}

/** Every path once through nginx: tiles per second, latencies and what nginx said of each. */
async function load(paths: string[], clients: number) {
	const r = await requestAll(NGINX, paths, clients, 'x-cache-status');
	return { perSecond: r.perSecond, p50: pct(r.times, 50), p95: pct(r.times, 95), status: r.counted };
}

console.log('replication');
const [rec] = await replica`select pg_is_in_recovery() as standby`;
check(rec.standby === true, 'the replica is a standby');
const standbys = await primary`select application_name, state, sync_state from pg_stat_replication`;
check(
	standbys.some((s) => s.application_name === 'replica1' && s.state === 'streaming' && s.sync_state === 'sync'),
	`the primary streams to it synchronously (${standbys.map((s) => `${s.application_name} ${s.state} ${s.sync_state}`).join(', ')})`
);
const [sc] = await primary`select current_setting('synchronous_commit') as v`;
check(sc.v === 'remote_apply', `synchronous_commit = ${sc.v}`);

console.log('load through nginx');
const v0 = await version(NGINX);
const [{ plots }] = await primary`select count(*)::int as plots from plots where published`;
const points = await primary<{ lon: number; lat: number }[]>`
	select ST_X(c) as lon, ST_Y(c) as lat from (select ST_PointOnSurface(boundary) as c from plots where published order by md5(id::text) limit ${quick ? 200 : 2000}) p`;
const tiles = new Map<string, TileXYZ>();
for (const p of points) {
	const t = tileOf(Number(p.lon), Number(p.lat), 14);
	tiles.set(`${t.x}/${t.y}`, t);
	if (tiles.size >= (quick ? 60 : 600)) break;
}
const paths = [...tiles.values()].map((t) => `/tiles/all/${t.z}/${t.x}/${t.y}.mvt?v=${v0}`);
for (const clients of quick ? [8] : [2, 8]) {
	const part = paths.filter((_, i) => (quick ? true : i % 2 === (clients === 2 ? 0 : 1)));
	const miss = await load(part, clients);
	const hit = await load(part, clients);
	console.log(
		`  ${plots.toLocaleString('en')} plots, ${part.length} z14 tiles at ${clients} clients: ` +
			`from the apps ${miss.perSecond.toFixed(0)}/s (p50 ${miss.p50.toFixed(1)} ms, p95 ${miss.p95.toFixed(1)} ms), ` +
			`from nginx's cache ${hit.perSecond.toFixed(0)}/s (p50 ${hit.p50.toFixed(1)} ms, p95 ${hit.p95.toFixed(1)} ms), ` +
			`${(hit.perSecond / miss.perSecond).toFixed(1)}×`
	);
	check((miss.status.get('MISS') ?? 0) === part.length, `the first pass came from the apps (${[...miss.status].map(([k, n]) => `${k} ${n}`).join(', ')})`);
	check((hit.status.get('HIT') ?? 0) === part.length, `the second pass came from nginx's cache (${[...hit.status].map(([k, n]) => `${k} ${n}`).join(', ')})`);
}
const [readers] = await replica`select count(*)::int as n from pg_stat_activity where application_name = 'siteatlas'`;
check(readers.n > 0, `the apps read from the replica (${readers.n} connections there)`);

console.log('an edit through A, seen through B and nginx');
const [plot] = await primary<{ code: string; lon: number; lat: number }[]>`
	select p.code, ST_X(ST_PointOnSurface(p.boundary)) as lon, ST_Y(ST_PointOnSurface(p.boundary)) as lat
	from plots p join parks k on k.id = p.park_id where k.code = 'NM' and p.published and p.supply_status = 'available' order by p.id limit 1`;
const t = tileOf(Number(plot.lon), Number(plot.lat), 14);
const tilePath = (v: number) => `/tiles/all/${t.z}/${t.x}/${t.y}.mvt?v=${v}`;
const before = new Uint8Array(await (await fetch(`${NGINX}${tilePath(v0)}`)).arrayBuffer());
check(plotStatus(before, plot.code) === 'available', `${plot.code} is available in its tile through nginx`);
const searchPath = `/api/search?status=available&stale=1&circle=${plot.lon},${plot.lat},0.5&pageSize=50`;
const heatPath = `/api/heat?metric=available_land&z=13&bbox=${plot.lon - 0.02},${plot.lat - 0.02},${plot.lon + 0.02},${plot.lat + 0.02}`;
const landOf = async (base: string) => ((await (await fetch(`${base}${heatPath}`)).json()).cells as { value: number }[]).reduce((s, c) => s + c.value, 0);
const codesOf = async (base: string) => ((await (await fetch(`${base}${searchPath}`)).json()).items as { code: string }[]).map((i) => i.code);
check((await codesOf(B)).includes(plot.code), 'the finder through B lists it');
const land0 = await landOf(B);

const signin = await fetch(`${A}/signin`, {
	method: 'POST',
	redirect: 'manual',
	headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: NGINX },
	body: new URLSearchParams({ email: 'editor-nm@demo.siteatlas', password: 'demo-nm-2026' })
});
const cookie = signin.headers.get('set-cookie')?.split(';')[0] ?? '';
check(signin.status === 303 && cookie !== '', `the NM editor signs in through A (${signin.status})`);
const state = await (await fetch(`${A}/api/console/plots/${plot.code}`, { headers: { cookie } })).json();
const saved = await fetch(`${A}/api/console/plots/${plot.code}`, {
	method: 'PUT',
	headers: { cookie, 'content-type': 'application/json', origin: NGINX },
	body: JSON.stringify(plotEditOf(state, { supplyStatus: 'negotiating' }))
});
check(saved.ok, `A saves ${plot.code} as under negotiation (${saved.status})`);

const v1 = await version(B);
check(v1 > v0, `B's data version moved on at once (${v0} → ${v1})`);
const throughB = new Uint8Array(await (await fetch(`${B}${tilePath(v1)}`)).arrayBuffer());
check(plotStatus(throughB, plot.code) === 'negotiating', 'the next tile through B (from the replica) shows it under negotiation');
const throughNginx = await fetch(`${NGINX}${tilePath(v1)}`);
const nginxBody = new Uint8Array(await throughNginx.arrayBuffer());
check(
	plotStatus(nginxBody, plot.code) === 'negotiating',
	`the next tile through nginx shows it too (${throughNginx.headers.get('x-cache-status')}, new version, new address)`
);
check(!(await codesOf(B)).includes(plot.code), 'the finder through B no longer lists it as available');
const land1 = await landOf(B);
check(land1 < land0 - 0.01, `the available-land heat through B dropped (${land0.toFixed(1)} → ${land1.toFixed(1)} mu)`);

await primary.end();
await replica.end();
if (failures) {
	console.log(`${failures} check(s) failed`);
	process.exit(1);
}
console.log('scale-out: all checks passed');
