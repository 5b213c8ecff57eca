/**
 * What a demanding review found (issue 9), each pinned on a real database: real-world shapes
 * at 65°N, one definition of occupancy, limits that hold under concurrency, restores that keep
 * the write rules, shared tours that keep unpublished sites private.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Geometry } from 'geojson';
import type { Database } from '../../src/lib/server/db/client';
import { MODE, openEmptyDatabase, openTestDatabase } from './db';
import { loadFixture } from './fixture';
import { decode, tilesCovering } from './tiles';
import { bbox } from '@turf/turf';
import { parseFinderQuery } from '../../src/lib/domain/finder';
import { findSites, searchSites } from '../../src/lib/server/search';
import { dataVersion } from '../../src/lib/server/cache/versioned';
import { getFeatureDetails } from '../../src/lib/server/sites/details';
import { siteSketch } from '../../src/lib/server/sites/pages';
import { TileService } from '../../src/lib/server/tiles/service';
import { heatCells } from '../../src/lib/server/heat';
import { occupancyOf } from '../../src/lib/domain/occupancy';
import type { UnitStatus } from '../../src/lib/domain/vocab';
import { createEnquiry, EnquiryRejected } from '../../src/lib/server/enquiries';
import { createUser, signIn, SignInError, sessionUser, MAX_FAILURES_PER_ACCOUNT } from '../../src/lib/server/auth';
import { history, plotSnapshot, restore, updatePlot, updatePlotBoundary, type PlotSnapshot } from '../../src/lib/server/editing';
import { saveTour, shareTour, tourByToken } from '../../src/lib/server/tours';
import type { BuildingDetails, PlotDetails } from '../../src/lib/domain/site-details';
import { plotEditOf, type PlotEdit } from '../../src/lib/domain/edit-schemas';

const FIXTURE = 'tests/fixtures/hardening/north.geojson';

describe(`real-world geometry at 65°N (${MODE})`, () => {
	let db: Database;
	beforeAll(async () => {
		db = await openEmptyDatabase();
		await loadFixture(db, FIXTURE);
	});
	afterAll(() => db?.close());

	const search = (qs: string) => searchSites(db, { ...parseFinderQuery(new URLSearchParams(qs)).query, pageSize: 50 });

	it('counts a chain partner 4.6 km east as within 5 km (a 37°N degree box would miss it), and not one 5.6 km away', async () => {
		const r = await search('industry=new_materials&link=re_catalyst');
		const site = r.items.find((i) => i.code === '65001')!;
		const reasons = Object.fromEntries(site.reasons.map((x) => [x.key, x]));
		expect(reasons.upstream.params.n).toBe(1);
		expect(reasons.downstream.params.n).toBe(1);
	});

	it('finds sites in a circle by ground distance at this latitude', async () => {
		// 65001 spans 0–200 m west of the origin; 2.3 km east is 0.049° of longitude here.
		const lon = 25 + 2300 / (111320 * Math.cos((65 * Math.PI) / 180));
		expect((await search(`circle=${lon},65,2.4`)).items.map((i) => i.code)).toContain('65001');
		expect((await search(`circle=${lon},65,2.2`)).items.map((i) => i.code)).not.toContain('65001');
	});

	it('takes a code made only of digits as a code, not as a row id', async () => {
		const d = (await getFeatureDetails(db, 'plots', '65001')) as PlotDetails;
		expect(d?.code).toBe('65001');
		const [{ id }] = await db.rows<{ id: number }>(sql`select id from plots where code = '65001'`);
		expect(((await getFeatureDetails(db, 'plots', { id: Number(id) })) as PlotDetails).code).toBe('65001');
	});

	it('keeps the hole and both parts of a plot: area, and the sketch draws three rings', async () => {
		const d = (await getFeatureDetails(db, 'plots', 'N65-HOLES')) as PlotDetails;
		// 300×300 − 100×100 + 100×100 m²
		expect(d.areaM2).toBeGreaterThan(89_000);
		expect(d.areaM2).toBeLessThan(91_000);
		const s = (await siteSketch(db, 'plots', 'N65-HOLES'))!;
		const focus = s.paths.find((p) => p.role === 'focus')!;
		expect(focus.d.match(/M/g)).toHaveLength(3);
	});

	it('sends only valid polygons in tiles, also where snapping folds sub-unit teeth onto themselves', async () => {
		const tiles = new TileService(db);
		const [{ g }] = await db.rows<{ g: string }>(sql`select ST_AsGeoJSON(boundary) as g from plots where code = 'N65-COMB'`);
		let checked = 0;
		for (let z = 10; z <= 17; z++) {
			for (const a of tilesCovering(bbox(JSON.parse(g) as Geometry) as [number, number, number, number], z)) {
				const layer = decode((await tiles.get({ layer: 'plots', ...a })).body, 'plots');
				for (let i = 0; i < (layer?.length ?? 0); i++) {
					const f = layer!.feature(i).toGeoJSON(a.x, a.y, a.z);
					const [v] = await db.rows<{ valid: boolean; reason: string }>(
						sql`select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason from (select ST_GeomFromGeoJSON(${JSON.stringify(f.geometry)}) as g) x`
					);
					expect(v.valid, `z${z} ${f.properties?.code}: ${v.reason}`).toBe(true);
					checked++;
				}
			}
		}
		expect(checked).toBeGreaterThan(8);
	});

	it('a building whose units are all leased has nothing vacant: in tiles, the finder, the heat map and its page', async () => {
		const [b] = await db.rows<{ id: number; lon: number; lat: number }>(
			sql`select id, ST_X(ST_Centroid(footprint)) as lon, ST_Y(ST_Centroid(footprint)) as lat from buildings where code = 'N65-FULL'`
		);
		const tiles = new TileService(db);
		const [a] = tilesCovering([Number(b.lon), Number(b.lat), Number(b.lon), Number(b.lat)], 15);
		const layer = decode((await tiles.get({ layer: 'buildings', ...a })).body, 'buildings')!;
		const props = Object.fromEntries(Array.from({ length: layer.length }, (_, i) => layer.feature(i)).map((f) => [f.properties.code, f.properties]));
		expect(props['N65-FULL']).toMatchObject({ occupancy: 1, vacant_m2: 0 });
		expect(props['N65-HALF']).toMatchObject({ occupancy: 0.5, vacant_m2: 300 });
		expect((await search('kind=building')).items.map((i) => i.code)).toEqual(['N65-HALF']);
		const heat = await heatCells(db, { metric: 'vacant_floor', zoom: 12, bbox: [24.9, 64.95, 25.1, 65.05] });
		expect(heat.cells.reduce((s, c) => s + c.value, 0)).toBeCloseTo(300, 6);
		const full = (await getFeatureDetails(db, 'buildings', 'N65-FULL')) as BuildingDetails;
		expect(full).toMatchObject({ vacantAreaM2: 0, occupancy: 1, leasedAreaM2: 1200 });
	});
});

describe(`the sample zone under pressure (${MODE})`, () => {
	let db: Database;
	beforeAll(async () => {
		db = await openTestDatabase();
	});
	afterAll(() => db?.close());

	it('computes occupancy in SQL exactly as occupancyOf does, for every sample building', async () => {
		const rows = await db.rows<Record<string, unknown>>(sql`
			select b.code, b.leasable_area_m2, b.leased_area_m2, o.leasable_m2, o.leased_m2, o.reserved_m2, o.vacant_m2, o.rate,
				coalesce((select json_agg(json_build_object('areaM2', u.area_m2, 'status', u.status)) from units u where u.building_id = b.id), '[]'::json) as units
			from buildings b cross join lateral building_occupancy(b.id, b.leasable_area_m2, b.leased_area_m2) o`);
		expect(rows.length).toBeGreaterThan(50);
		for (const r of rows) {
			const units = (typeof r.units === 'string' ? JSON.parse(r.units) : r.units) as { areaM2: number; status: UnitStatus }[];
			const js = occupancyOf(units, { leasableAreaM2: Number(r.leasable_area_m2), leasedAreaM2: r.leased_area_m2 === null ? null : Number(r.leased_area_m2) });
			expect(Number(r.leasable_m2), String(r.code)).toBeCloseTo(js.leasableM2, 6);
			expect(Number(r.leased_m2)).toBeCloseTo(js.leasedM2, 6);
			expect(Number(r.reserved_m2)).toBeCloseTo(js.reservedM2, 6);
			expect(Number(r.vacant_m2)).toBeCloseTo(js.vacantM2, 6);
			expect(Number(r.rate)).toBeCloseTo(js.rate, 9);
		}
	});

	it('accepts exactly five of 50 parallel enquiries from one address', async () => {
		const input = {
			siteKind: 'plot' as const,
			siteCode: '',
			company: 'Parallel Ltd',
			contactName: 'Zhang',
			contactEmail: 'zhang@example.com',
			contactPhone: undefined,
			industry: undefined,
			spaceNeeded: undefined,
			spaceUnit: 'm2' as const,
			message: ''
		};
		const [{ code }] = await db.rows<{ code: string }>(
			sql`select p.code from plots p join parks k on k.id = p.park_id where p.published and k.published order by p.id limit 1`
		);
		const results = await Promise.allSettled(
			Array.from({ length: 50 }, () => createEnquiry(db, { ...input, siteCode: code }, { ipHash: 'parallel-enquirer', locale: 'en' }))
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
		expect(refused.every((r) => r.reason instanceof EnquiryRejected && r.reason.status === 429)).toBe(true);
		const [{ n }] = await db.rows<{ n: number }>(sql`select count(*)::int as n from enquiries where source_ip_hash = 'parallel-enquirer'`);
		expect(Number(n)).toBe(5);
	});

	it('hashes at most five of 30 parallel wrong passwords for one account and throttles the rest', async () => {
		await createUser(db, { email: 'parallel@zone.example', displayName: 'Parallel', password: 'the-right-password', role: 'staff' });
		const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => signIn(db, 'parallel@zone.example', `wrong-${i}`, `ip-${i}`)));
		const codes = results.map((r) => (r.status === 'rejected' && r.reason instanceof SignInError ? r.reason.code : 'other'));
		expect(codes.filter((c) => c === 'invalid')).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
		expect(codes.filter((c) => c === 'throttled')).toHaveLength(30 - MAX_FAILURES_PER_ACCOUNT);
		await expect(signIn(db, 'parallel@zone.example', 'the-right-password', 'ip-other')).rejects.toMatchObject({ code: 'throttled' });
	});

	it('a successful sign-in leaves no failure behind and opens a session', async () => {
		await createUser(db, { email: 'once@zone.example', displayName: 'Once', password: 'the-right-password', role: 'staff' });
		const { token } = await signIn(db, 'once@zone.example', 'the-right-password', 'ip-once');
		expect((await sessionUser(db, token))?.email).toBe('once@zone.example');
		const [{ n }] = await db.rows<{ n: number }>(sql`select count(*)::int as n from sign_in_failures where email = 'once@zone.example'`);
		expect(Number(n)).toBe(0);
	});

	async function staff() {
		const { token } = await signIn(db, 'staff@demo.siteatlas', 'demo-staff-2026', 'ip-hardening');
		return (await sessionUser(db, token))!;
	}
	const editOf = (p: PlotSnapshot, over: Partial<PlotEdit> = {}) => plotEditOf(p, over);

	it('a restore keeps the status rules: under construction cannot go back to signed', async () => {
		const user = await staff();
		const [{ code }] = await db.rows<{ code: string }>(sql`select code from plots where supply_status = 'signed' order by id desc limit 1`);
		const p = (await plotSnapshot(db, code))!;
		const moved = await updatePlot(db, user, code, editOf(p, { supplyStatus: 'under_construction' }));
		const [entry] = await history(db, 'plot', code);
		const refused = await restore(db, user, 'plot', code, entry.id, moved.version).catch((e) => e);
		expect(refused.fields).toEqual({ supplyStatus: 'edit.bad_transition' });
		expect((await plotSnapshot(db, code))!.supplyStatus).toBe('under_construction');
	});

	it('a restore keeps the boundary rules: an old shape that now overlaps a neighbour is refused', async () => {
		const user = await staff();
		const [pair] = await db.rows<{ a: string; b: string }>(sql`
			select a.code as a, b.code as b from plots a join plots b on a.park_id = b.park_id and a.id < b.id
			where not ST_Intersects(a.boundary, b.boundary) order by a.id desc, b.id limit 1`);
		const a0 = (await plotSnapshot(db, pair.a))!;
		// A shrinks to 70 % around its centroid, then B takes the ring A gave up as a second part.
		const [{ shrunk, grown }] = await db.rows<{ shrunk: string; grown: string }>(sql`
			with a as (select boundary as g, ST_Centroid(boundary) as c from plots where code = ${pair.a}),
				s as (select ST_Translate(ST_Scale(ST_Translate(g, -ST_X(c), -ST_Y(c)), 0.7, 0.7), ST_X(c), ST_Y(c)) as g, a.g as orig from a)
			select ST_AsGeoJSON(s.g) as shrunk, ST_AsGeoJSON(ST_Multi(ST_Union(b.boundary, ST_Difference(s.orig, ST_Buffer(s.g, 0.000001))))) as grown
			from s, plots b where b.code = ${pair.b}`);
		const a1 = await updatePlotBoundary(db, user, pair.a, a0.version, JSON.parse(shrunk));
		const b0 = (await plotSnapshot(db, pair.b))!;
		await updatePlotBoundary(db, user, pair.b, b0.version, JSON.parse(grown));
		const [entry] = await history(db, 'plot', pair.a);
		const refused = await restore(db, user, 'plot', pair.a, entry.id, a1.version).catch((e) => e);
		expect(refused.fields).toEqual({ geometry: 'edit.overlap' });
		expect(refused.message).toContain(pair.b);
		expect((await plotSnapshot(db, pair.a))!.areaM2).toBeCloseTo(a1.areaM2, 3);
	});

	it('answers a repeated search from the cache, and a write is seen on the next request', async () => {
		const user = await staff();
		const { query } = parseFinderQuery(new URLSearchParams('industry=new_materials&pageSize=50'));
		const version = await dataVersion(db);
		const first = await findSites(db, query);
		const again = await findSites(db, query);
		// On a server the database is shared with test files running beside this one; their writes start a new version.
		if ((await dataVersion(db)) === version) expect(again).toBe(first);
		const code = first.items[0].code;
		const p = (await plotSnapshot(db, code))!;
		await updatePlot(db, user, code, editOf(p, { published: false }));
		const after = await findSites(db, query);
		expect(after).not.toBe(first);
		expect(after.items.map((i) => i.code)).not.toContain(code);
		await updatePlot(db, user, code, editOf((await plotSnapshot(db, code))!, { published: true }));
	});

	it('a shared tour does not name an unpublished plot: no code, no label, the road point instead of the site', async () => {
		const user = await staff();
		const [hidden] = await db.rows<{ code: string; lon: number; lat: number }>(sql`
			select code, ST_X(ST_PointOnSurface(boundary)) as lon, ST_Y(ST_PointOnSurface(boundary)) as lat from plots where not published order by id limit 1`);
		const [shown] = await db.rows<{ code: string; lon: number; lat: number }>(sql`
			select p.code, ST_X(ST_PointOnSurface(p.boundary)) as lon, ST_Y(ST_PointOnSurface(p.boundary)) as lat
			from plots p join parks k on k.id = p.park_id where p.published and k.published order by p.id limit 1`);
		const stop = (kind: 'plot' | 'point', code: string | null, lon: number, lat: number, label: string) => ({
			siteKind: kind,
			code,
			location: [Number(lon), Number(lat)] as [number, number],
			label,
			dwellMin: 20,
			notes: `notes about ${label}`,
			contact: 'Mr Wang 138'
		});
		const tour = await saveTour(db, user, null, {
			title: 'Private stop',
			delegationOrg: '',
			delegationSize: null,
			delegationContact: 'secret',
			tourDate: null,
			startTime: '09:00',
			lunchAfterStop: null,
			lunchMin: 60,
			stops: [stop('plot', shown.code, shown.lon, shown.lat, shown.code), stop('plot', hidden.code, hidden.lon, hidden.lat, `Negotiating ${hidden.code}`)]
		});
		const token = await shareTour(db, user, tour.id, null);
		const shared = (await tourByToken(db, token, 'en'))!;
		expect(shared.stops[0]).toMatchObject({ code: shown.code, label: shown.code });
		expect(shared.stops[1]).toMatchObject({ siteKind: 'point', code: null, label: 'Stop 2 (site not public)', notes: '', contact: '' });
		expect(JSON.stringify(shared)).not.toContain(hidden.code);
		expect(shared.stops[1].location).toEqual(shared.route[shared.legs[0].to]);
	});
});
