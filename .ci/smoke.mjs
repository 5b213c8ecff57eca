// Server-mode smoke test: health says "server", a plots tile from ST_AsMVT decodes, 304 on its ETag.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

const base = process.argv[2];
const deadline = Date.now() + 60_000;
let health;
while (Date.now() < deadline) {
	try {
		const res = await fetch(`${base}/api/health`);
		if (res.ok) {
			health = await res.json();
			break;
		}
	} catch {
		// not up yet
	}
	await new Promise((r) => setTimeout(r, 500));
}
const fail = (m) => {
	console.error(`smoke: ${m}`);
	process.exit(1);
};
if (!health) fail('the app did not answer /api/health within 60 s');
if (health.database.mode !== 'server') fail(`expected server mode, got ${health.database.mode}`);
if (!health.ok) fail(`migrations ${health.database.migrations.applied}/${health.database.migrations.expected}`);
// z14 tile over the new-materials park (118.5 E, 37.4 N).
const url = `${base}/tiles/plots/14/13585/6354.mvt`;
const res = await fetch(url);
if (res.status !== 200) fail(`tile answered ${res.status}`);
const layer = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer()))).layers.plots;
if (!layer || layer.length < 10) fail(`tile has ${layer?.length ?? 0} plots`);
const again = await fetch(url, { headers: { 'if-none-match': res.headers.get('etag') } });
if (again.status !== 304) fail(`revalidation answered ${again.status}, not 304`);
console.log(
	`smoke: server mode (PostgreSQL ${health.database.postgres}, PostGIS ${health.database.postgis}); ${layer.length} plots in a z14 tile; 304 on revalidation`
);
