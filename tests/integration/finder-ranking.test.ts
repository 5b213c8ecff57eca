/**
 * The finder ranks and pages in SQL (search/score-sql.ts). On the sample zone, for the filter
 * sets the benchmark times: the database's score equals the pure scoreSite's on every listed
 * site, the order is compareScored's, and paging through returns every match exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/client';
import { parseFinderQuery } from '../../src/lib/domain/finder';
import { compareScored } from '../../src/lib/domain/scoring';
import { rankSites, searchSites } from '../../src/lib/server/search';
import { MODE, openTestDatabase } from './db';

let db: Database;
beforeAll(async () => {
	db = await openTestDatabase();
});
afterAll(() => db?.close());

const SEARCHES = [
	'',
	'industry=new_materials',
	'industry=new_materials&chain=rare_earth_catalysis&areaMin=30',
	'industry=new_materials&chain=rare_earth_catalysis&link=re_catalyst&areaMin=30&near=highway_exit&withinKm=10',
	'industry=aerospace&areaMin=10&areaMax=200&priceMax=40',
	'landUse=industrial,logistics&areaMin=20&areaMax=80&priceMax=25',
	'readiness=power,gas,heating&status=available,reserve',
	'near=port&withinKm=8&link=pl_forwarding',
	'polygon=118.48 37.39;118.52 37.39;118.52 37.41;118.48 37.41&industry=new_materials',
	'circle=118.585,37.47,1.5&stale=1',
	'kind=building&vacantMin=2000&rentMax=2&near=university&withinKm=5',
	'kind=building&buildingKind=office,incubator&industry=digital_economy',
	'kind=building&stale=1',
	'bbox=118.55,37.45,118.62,37.49&stale=1'
];

describe(`finder ranking in SQL (${MODE})`, () => {
	for (const qs of SEARCHES) {
		it(`scores, orders and pages as scoreSite does: ${qs || '(defaults)'}`, async () => {
			const { query, errors } = parseFinderQuery(new URLSearchParams(qs));
			expect(errors).toEqual([]);
			const all = await rankSites(db, query, { offset: 0, limit: 100_000 });
			expect(all.ranked.length).toBe(all.total);
			// Every site listed in full: scoreSite's score equals the ranking's, and the order is compareScored's.
			const pageSize = 50;
			const seen: string[] = [];
			for (let page = 1; (page - 1) * pageSize < all.total; page++) {
				const r = await searchSites(db, { ...query, page, pageSize });
				expect(r.total).toBe(all.total);
				const ranked = all.ranked.slice((page - 1) * pageSize, page * pageSize);
				expect(r.items.map((s) => [s.code, s.score])).toEqual(ranked.map((s) => [s.code, s.score]));
				expect([...r.items].sort(compareScored).map((s) => s.code)).toEqual(r.items.map((s) => s.code));
				seen.push(...r.items.map((s) => s.code));
			}
			// Small pages prune the chain count hardest (only sites that can still reach the page are counted).
			if (query.link) {
				for (let page = 1; page <= 8 && (page - 1) * 3 < all.total; page++) {
					const r = await rankSites(db, query, { offset: (page - 1) * 3, limit: 3 });
					expect(r.ranked).toEqual(all.ranked.slice((page - 1) * 3, page * 3));
				}
			}
			expect(seen.length).toBe(all.total);
			expect(new Set(seen).size).toBe(all.total);
			// Past the last page: nothing, and still the total.
			const past = await searchSites(db, { ...query, page: Math.floor(all.total / pageSize) + 2, pageSize });
			expect(past.items).toEqual([]);
			expect(past.total).toBe(all.total);
		});
	}

	it('finds enough on the sample zone for these checks to mean something', async () => {
		let total = 0;
		for (const qs of SEARCHES) total += (await rankSites(db, parseFinderQuery(new URLSearchParams(qs)).query, { offset: 0, limit: 1 })).total;
		expect(total).toBeGreaterThan(300);
	});
});
