import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon, MultiPolygon } from 'geojson';
import type { Database } from '../../src/lib/server/db/client';
import { TileService, buildTile, defaultEncoder } from '../../src/lib/server/tiles/service';
import { bumpLayerVersions } from '../../src/lib/server/tiles/versions';
import { LAYERS } from '../../src/lib/domain/vocab';
import { parseFinderQuery } from '../../src/lib/domain/finder';
import { SearchInputError, rankSites } from '../../src/lib/server/search';
import { MODE, openTestDatabase, rolledBack } from './db';
import { MAX_PLOTS_PER_TILE } from '../../src/lib/server/tiles/layers';
import { canonical, decode, tileOf, tilesCovering } from './tiles';

let db: Database;
let tiles: TileService;
beforeAll(async () => {
	db = await openTestDatabase();
	tiles = new TileService(db);
});
afterAll(() => db?.close());

interface PlotRow {
	id: number;
	code: string;
	supply_status: string;
	land_use: string;
	area_m2: number;
	lon: number;
	lat: number;
	published: boolean;
}

async function plot(where: ReturnType<typeof sql>): Promise<PlotRow> {
	const [r] = await db.rows<PlotRow>(sql`
		select id, code, supply_status, land_use, area_m2, published,
			ST_X(ST_PointOnSurface(boundary)) as lon, ST_Y(ST_PointOnSurface(boundary)) as lat
		from plots where ${where} order by id limit 1`);
	return { ...r, id: Number(r.id), area_m2: Number(r.area_m2), lon: Number(r.lon), lat: Number(r.lat) };
}

describe(`vector tiles (${MODE}, ${MODE === 'server' ? 'ST_AsMVT' : 'JS encoder'})`, () => {
	it('uses ST_AsMVT on a server and the JS encoder on PGlite', () => {
		expect(defaultEncoder(db)).toBe(MODE === 'server' ? 'postgis' : 'js');
	});

	it('decodes a plot with its status, land use, area in 亩 and shape at its real place', async () => {
		const p = await plot(sql`published and supply_status = 'available'`);
		const a = { layer: 'plots' as const, ...tileOf(p.lon, p.lat, 15) };
		const { body } = await tiles.get(a);
		const layer = decode(body, 'plots')!;
		expect(layer.extent).toBe(4096);
		let found = null;
		for (let i = 0; i < layer.length; i++) if (layer.feature(i).id === p.id) found = layer.feature(i);
		expect(found).not.toBeNull();
		expect(found!.properties).toMatchObject({
			code: p.code,
			status: 'available',
			land_use: p.land_use,
			area_mu: Math.round((p.area_m2 / (10000 / 15)) * 10) / 10,
			idle: false
		});
		const geo = found!.toGeoJSON(a.x, a.y, a.z);
		expect(booleanPointInPolygon([p.lon, p.lat], geo.geometry as Polygon | MultiPolygon)).toBe(true);
	});

	it('never puts an unpublished plot in a tile', async () => {
		const p = await plot(sql`not published`);
		for (const z of [10, 13, 16]) {
			const layer = decode((await tiles.get({ layer: 'plots', ...tileOf(p.lon, p.lat, z) })).body, 'plots');
			const ids = layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i).id) : [];
			expect(ids.length).toBeGreaterThan(0);
			expect(ids).not.toContain(p.id);
		}
	});

	it("carries a building's occupancy as derived from its units", async () => {
		const [b] = await db.rows<{ id: number; occ: number; lon: number; lat: number }>(sql`
			select b.id, (sum(u.area_m2) filter (where u.status = 'leased') / sum(u.area_m2))::float8 as occ,
				ST_X(ST_PointOnSurface(b.footprint)) as lon, ST_Y(ST_PointOnSurface(b.footprint)) as lat
			from buildings b join units u on u.building_id = b.id where b.published group by b.id order by b.id limit 1`);
		const layer = decode((await tiles.get({ layer: 'buildings', ...tileOf(Number(b.lon), Number(b.lat), 16) })).body, 'buildings')!;
		const f = Array.from({ length: layer.length }, (_, i) => layer.feature(i)).find((x) => x.id === Number(b.id))!;
		expect(f.properties.occupancy).toBeCloseTo(Number(b.occ), 3);
	});

	it('counts plots per cell below their minimum zoom, and sends no local streets below z13', async () => {
		const p = await plot(sql`published`);
		const t = tileOf(p.lon, p.lat, 9);
		const body = (await tiles.get({ layer: 'plots', ...t })).body;
		expect(decode(body, 'plots')).toBeUndefined();
		const cells = decode(body, 'plot_cells')!;
		let counted = 0;
		for (let i = 0; i < cells.length; i++) counted += Number(cells.feature(i).properties.plots);
		const [{ n }] = await db.rows<{ n: number }>(sql`
			select count(*)::int as n from plots
			where published and ST_Intersects(site_anchor(boundary), ST_TileEnvelope(${t.z}::int, ${t.x}::int, ${t.y}::int))`);
		expect(counted).toBe(Number(n));
		expect(counted).toBeGreaterThan(100);
		const roads = decode((await tiles.get({ layer: 'roads', ...tileOf(p.lon, p.lat, 12) })).body, 'roads')!;
		const classes = new Set(Array.from({ length: roads.length }, (_, i) => roads.feature(i).properties.class));
		expect(classes.has('local')).toBe(false);
		expect(classes.size).toBeGreaterThan(0);
	});

	it('answers 304 to the current ETag and a new tile after a write bumps the version', async () => {
		const p = await plot(sql`published`);
		const a = { layer: 'plots' as const, ...tileOf(p.lon, p.lat, 14) };
		const first = await tiles.respond(a, null);
		expect(first.status).toBe(200);
		expect((await tiles.respond(a, first.etag)).status).toBe(304);
		expect((await tiles.respond(a, `"something-else", ${first.etag}`)).status).toBe(304);
		await db.transaction((tx) => bumpLayerVersions(tx, ['plots']));
		const after = await tiles.respond(a, first.etag);
		expect(after.status).toBe(200);
		expect(after.etag).not.toBe(first.etag);
		// Other layers keep their ETags.
		const parks = { layer: 'parks' as const, z: a.z, x: a.x, y: a.y };
		const parksTag = await tiles.etag(parks);
		await db.transaction((tx) => bumpLayerVersions(tx, ['plots']));
		expect(await tiles.etag(parks)).toBe(parksTag);
	});

	it('serves all layers in one composite tile, equal to the per-layer tiles, versioned by any write', async () => {
		const p = await plot(sql`published`);
		const t = tileOf(p.lon, p.lat, 14);
		const composite = await tiles.get({ layer: 'all', ...t });
		for (const layer of LAYERS) {
			const alone = canonical(decode((await tiles.get({ layer, ...t })).body, layer));
			expect(canonical(decode(composite.body, layer)), layer).toEqual(alone);
		}
		expect(canonical(decode(composite.body, 'plots')).length).toBeGreaterThan(5);
		await db.transaction((tx) => bumpLayerVersions(tx, ['facilities']));
		const after = await tiles.respond({ layer: 'all', ...t }, composite.etag);
		expect(after.status).toBe(200);
		expect(after.etag).not.toBe(composite.etag);
	});

	it('serves a tile that would hold more than the cap counted per cell instead, from z10 up', async () => {
		const p = await plot(sql`published`);
		await rolledBack(db, async (tx) => {
			// As if every cell held 20,000 plots more: each plots tile would be over the cap.
			await tx.rows(sql`update plot_cells set plots = plots + ${MAX_PLOTS_PER_TILE * 2}::int`);
			for (const z of [10, 12, 14]) {
				const body = await buildTile(tx, { layer: 'plots', ...tileOf(p.lon, p.lat, z) }, defaultEncoder(db));
				expect(decode(body, 'plots'), `z${z}`).toBeUndefined();
				expect(decode(body, 'plot_cells')?.length, `z${z}`).toBeGreaterThan(0);
			}
		});
		const body = await buildTile(db, { layer: 'plots', ...tileOf(p.lon, p.lat, 14) }, defaultEncoder(db));
		expect(decode(body, 'plots')?.length).toBeGreaterThan(0);
	});

	it('holds every plot a tile overlaps, however small, from z10 up (the sample zone is never counted per cell there)', async () => {
		const [ext] = await db.rows<{ w: number; s: number; e: number; n: number }>(sql`
			select ST_XMin(x) as w, ST_YMin(x) as s, ST_XMax(x) as e, ST_YMax(x) as n
			from (select ST_Extent(boundary)::geometry as x from plots where published) t`);
		const zone: [number, number, number, number] = [Number(ext.w), Number(ext.s), Number(ext.e), Number(ext.n)];
		let checked = 0;
		for (const z of [10, 11, 12, 13]) {
			for (const t of tilesCovering(zone, z)) {
				const body = await buildTile(db, { layer: 'plots', ...t }, defaultEncoder(db));
				expect(decode(body, 'plot_cells')).toBeUndefined();
				const layer = decode(body, 'plots');
				const ids = new Set(Array.from({ length: layer?.length ?? 0 }, (_, i) => Number(layer!.feature(i).id)));
				const expected = await db.rows<{ id: number }>(sql`
					select id from plots where published
						and ST_Intersects(ST_Transform(boundary, 3857), ST_TileEnvelope(${z}::int, ${t.x}::int, ${t.y}::int, margin => ${64 / 4096}::float8))`);
				expect(
					[...ids].sort((a, b) => a - b),
					`${z}/${t.x}/${t.y}`
				).toEqual(expected.map((r) => Number(r.id)).sort((a, b) => a - b));
				checked += expected.length;
			}
		}
		expect(checked).toBeGreaterThan(1000);
	});

	it("outlines a search's matches in the matches tiles: exactly the matching sites the tile overlaps", async () => {
		const query = parseFinderQuery(new URLSearchParams('industry=new_materials&stale=1')).query;
		const all = await rankSites(db, query, { offset: 0, limit: 100_000 });
		expect(all.total).toBeGreaterThan(10);
		const ids = new Set(all.ranked.map((r) => r.id));
		const p = await plot(sql`id = ${all.ranked[0].id}`);
		for (const z of [11, 14]) {
			const t = tileOf(p.lon, p.lat, z);
			const tile = await tiles.matches(query, t);
			const layer = decode(tile.body, 'matches')!;
			const got = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
			expect(got.every((f) => f.properties.kind === 'plot')).toBe(true);
			const inTile = await db.rows<{ id: number }>(sql`
				select id from plots where ST_Intersects(ST_Transform(boundary, 3857), ST_TileEnvelope(${z}::int, ${t.x}::int, ${t.y}::int, margin => ${64 / 4096}::float8))`);
			const expected = inTile.map((r) => Number(r.id)).filter((id) => ids.has(id));
			expect(got.map((f) => Number(f.id)).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
			expect(got.length).toBeGreaterThan(0);
		}
		// Another search, another ETag; nothing below the matches' zoom.
		const other = parseFinderQuery(new URLSearchParams('industry=aerospace')).query;
		const t = tileOf(p.lon, p.lat, 14);
		expect(await tiles.matchesEtag(other, t)).not.toBe(await tiles.matchesEtag(query, t));
		expect((await tiles.matches(query, tileOf(p.lon, p.lat, 9))).body.byteLength).toBe(0);
		// A search it cannot answer is refused at any zoom, not answered empty.
		const unknown = parseFinderQuery(new URLSearchParams('industry=no_such_industry')).query;
		await expect(tiles.matches(unknown, tileOf(p.lon, p.lat, 9))).rejects.toBeInstanceOf(SearchInputError);
	});

	it('keeps every tile of the sample zone under 500 KB from z10 to z17', async () => {
		const [ext] = await db.rows<{ w: number; s: number; e: number; n: number }>(sql`
			select ST_XMin(x) as w, ST_YMin(x) as s, ST_XMax(x) as e, ST_YMax(x) as n
			from (select ST_Extent(boundary)::geometry as x from parks) t`);
		const zone: [number, number, number, number] = [Number(ext.w), Number(ext.s), Number(ext.e), Number(ext.n)];
		// The densest spot: the science park's centre, where most towers stand.
		const dense: [number, number, number, number] = [118.575, 37.462, 118.595, 37.478];
		let largest = 0;
		let count = 0;
		for (let z = 10; z <= 17; z++) {
			const addresses = tilesCovering(z <= 13 ? zone : dense, z);
			for (const layer of LAYERS) {
				for (const t of addresses) {
					const body = await buildTile(db, { layer, ...t }, defaultEncoder(db));
					largest = Math.max(largest, body.byteLength);
					count++;
				}
			}
		}
		expect(count).toBeGreaterThan(500);
		expect(largest).toBeGreaterThan(0);
		expect(largest).toBeLessThan(500 * 1024);
	});
});
