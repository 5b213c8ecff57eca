/**
 * The finder pinned on a hand-made fixture zone (tests/fixtures/finder/zone.geojson)
 * whose answers are known: every filter, the ranking and its reasons, the polygon and
 * distance filters, and that unpublished or stale data is never returned by default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/client';
import { parseFinderQuery } from '../../src/lib/domain/finder';
import { SearchInputError, rankSites, searchSites } from '../../src/lib/server/search';
import { adviseEmpty } from '../../src/lib/server/search/empty';
import { MODE, openEmptyDatabase } from './db';
import { loadFixture } from './fixture';

let db: Database;
beforeAll(async () => {
	db = await openEmptyDatabase();
	await loadFixture(db, 'tests/fixtures/finder/zone.geojson');
});
afterAll(() => db?.close());

async function codes(qs: string): Promise<string[]> {
	const { query, errors } = parseFinderQuery(new URLSearchParams(qs));
	expect(errors).toEqual([]);
	const r = await searchSites(db, { ...query, pageSize: 50 });
	return r.items.map((i) => i.code).sort();
}

// ~100 E, 30 N: P1 spans x 0–3 km, P2 x 10–13 km from the origin (100.0, 30.0).
const P2_POLYGON = '100.103 29.999;100.136 29.999;100.136 30.019;100.103 30.019';

describe(`finder on the fixture zone (${MODE})`, () => {
	it('returns published, available, fresh plots of published parks by default', async () => {
		expect(await codes('')).toEqual(['A', 'B', 'C']);
	});
	it('filters by supply status', async () => {
		expect(await codes('status=negotiating')).toEqual(['F']);
		expect(await codes('status=available,negotiating')).toEqual(['A', 'B', 'C', 'F']);
	});
	it('includes records unconfirmed past the limit only when asked', async () => {
		expect(await codes('stale=1')).toEqual(['A', 'B', 'C', 'G']);
	});
	it('filters by industry, chain and land use', async () => {
		expect(await codes('industry=new_materials')).toEqual(['A', 'B']);
		expect(await codes('industry=aerospace')).toEqual(['C']);
		expect(await codes('chain=rare_earth_catalysis')).toEqual(['A', 'B']);
		expect(await codes('landUse=logistics')).toEqual(['C']);
	});
	it('filters by area in 亩, hectares or m²', async () => {
		expect(await codes('areaMin=30')).toEqual(['A', 'C']);
		expect(await codes('areaMin=30&areaMax=50')).toEqual(['A']);
		expect(await codes('areaMin=20000&unit=m2')).toEqual(['A', 'C']);
		expect(await codes('areaMax=2&unit=ha')).toEqual(['B']);
	});
	it('filters by price and readiness', async () => {
		expect(await codes('priceMax=16')).toEqual(['A', 'C']);
		expect(await codes('readiness=gas,heating')).toEqual(['A', 'C']);
	});
	it('when nothing fits, says how far the nearest fitting site is and what relaxing each criterion finds', async () => {
		const near = parseFinderQuery(new URLSearchParams('near=highway_exit&withinKm=0.5')).query;
		expect((await searchSites(db, near)).total).toBe(0);
		const [distance] = await adviseEmpty(db, near);
		// A is 1.0–1.3 km from the exit: the offer is the next half kilometre, and it finds A alone.
		expect(distance).toMatchObject({ criterion: 'distance', withinKm: 1.5, total: 1 });
		expect(distance.nearestKm!).toBeGreaterThan(1);
		expect(distance.nearestKm!).toBeLessThan(1.3);
		expect(new URLSearchParams(distance.query).get('withinKm')).toBe('1.5');
		const big = parseFinderQuery(new URLSearchParams('areaMin=100000&areaUnit=mu&near=highway_exit&withinKm=2')).query;
		expect((await searchSites(db, big)).total).toBe(0);
		const advice = await adviseEmpty(db, big);
		// The area excluded both plots near the exit; nothing else on its own would find any.
		expect(advice.map((a) => [a.criterion, a.total])).toEqual([['area', 2]]);
	});
	it('filters by distance to a kind of facility', async () => {
		expect(await codes('near=highway_exit&withinKm=2')).toEqual(['A', 'B']);
		expect(await codes('near=highway_exit&withinKm=1.3')).toEqual(['A']);
		expect(await codes('near=university&withinKm=5')).toEqual(['C']);
	});
	it('filters by a drawn polygon, a circle and the view', async () => {
		expect(await codes(`polygon=${P2_POLYGON}`)).toEqual(['C']);
		expect(await codes('circle=100.0052,30.0045,0.3')).toEqual(['A']);
		expect(await codes('bbox=99.99,29.99,100.035,30.02')).toEqual(['A', 'B']);
	});
	it('ranks by match and says why, counting chain partners within 5 km', async () => {
		const { query } = parseFinderQuery(new URLSearchParams('industry=new_materials&areaMin=15&near=highway_exit&withinKm=5&link=re_catalyst'));
		const r = await searchSites(db, query);
		expect(r.items.map((i) => i.code)).toEqual(['A', 'B']);
		expect(r.items[0].score).toBeGreaterThan(r.items[1].score);
		const reasons = Object.fromEntries(r.items[0].reasons.map((x) => [x.key, x]));
		expect(reasons.industry.ok).toBe(true);
		expect(reasons.area).toMatchObject({ ok: true, params: { unit: 'mu', min: 15 } });
		expect(Number(reasons.area.params.value)).toBeCloseTo(40, 0);
		expect(reasons.upstream.params.n).toBe(2); // the third upstream firm is 19.5 km away
		expect(reasons.downstream.params.n).toBe(1);
		expect(Number(reasons.distance.params.km)).toBeGreaterThan(1);
		expect(Number(reasons.distance.params.km)).toBeLessThan(1.3);
	});
	it('pages results and reports the total', async () => {
		const { query } = parseFinderQuery(new URLSearchParams('pageSize=2&page=2'));
		const r = await searchSites(db, query);
		expect(r.total).toBe(3);
		expect(r.items.length).toBe(1);
		const all = await rankSites(db, query, { offset: 0, limit: 100 });
		expect(all.total).toBe(3);
		expect(r.items[0].code).toBe(all.ranked[2].code);
	});
	it('finds space in published buildings by vacancy, rent and kind', async () => {
		expect(await codes('kind=building')).toEqual(['BLD1', 'BLD2']);
		expect(await codes('kind=building&vacantMin=1000')).toEqual(['BLD1']);
		expect(await codes('kind=building&rentMax=1')).toEqual(['BLD2']);
		expect(await codes('kind=building&buildingKind=standard_factory')).toEqual(['BLD2']);
	});
	it('reports vacant area derived from units', async () => {
		const { query } = parseFinderQuery(new URLSearchParams('kind=building&vacantMin=1000'));
		const [b] = (await searchSites(db, query)).items;
		expect(b.areaM2).toBe(3000);
		expect(b.occupancy).toBeCloseTo(0.4, 6);
	});
	it('refuses an unknown industry, chain link and a self-intersecting polygon with a message', async () => {
		for (const qs of ['industry=unobtainium', 'link=no_such_link', 'polygon=100 30;100.01 30.01;100.01 30;100 30.01']) {
			const { query } = parseFinderQuery(new URLSearchParams(qs));
			const err = await searchSites(db, query).catch((e) => e);
			expect(err, qs).toBeInstanceOf(SearchInputError);
			expect(err.errors[0].message.length, qs).toBeGreaterThan(10);
		}
	});
});
