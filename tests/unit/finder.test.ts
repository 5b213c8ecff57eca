import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY, finderParams, parseFinderQuery, type FinderQuery } from '$lib/domain/finder';
import { compareScored, scoreSite, type SiteCandidate } from '$lib/domain/scoring';
import { formatReason } from '$lib/i18n/reasons';

const parse = (qs: string) => parseFinderQuery(new URLSearchParams(qs));

describe('finder query', () => {
	it('defaults to available land, first page of 10', () => {
		const { query, errors } = parse('');
		expect(errors).toEqual([]);
		expect(query).toEqual(DEFAULT_QUERY);
	});
	it('round-trips every filter through the URL', () => {
		const qs =
			'industry=new_materials&chain=rare_earth_catalysis&link=re_catalyst&landUse=industrial,research&areaMin=30&areaMax=80&unit=ha' +
			'&priceMax=20&readiness=power,gas&status=available,reserve&near=highway_exit&withinKm=3' +
			'&polygon=118.4 37.3;118.5 37.3;118.5 37.4&stale=1&page=2&pageSize=20';
		const { query, errors } = parse(qs);
		expect(errors).toEqual([]);
		expect(parse(finderParams(query).toString()).query).toEqual(query);
		expect(query.polygon).toEqual([
			[118.4, 37.3],
			[118.5, 37.3],
			[118.5, 37.4]
		]);
	});
	it('writes nothing for the defaults, so links stay short', () => {
		expect(finderParams(DEFAULT_QUERY).toString()).toBe('');
	});
	it('refuses negative areas, huge pages, unknown vocabulary and inverted ranges with field errors', () => {
		expect(parse('areaMin=-3').errors[0]).toMatchObject({ field: 'areaMin', code: 'at_least', params: { min: 0, value: -3 } });
		expect(parse('pageSize=5000').errors[0]).toMatchObject({ field: 'pageSize', code: 'between', params: { max: 50 } });
		expect(parse('landUse=casino').errors[0]).toMatchObject({ field: 'landUse', code: 'unknown' });
		expect(parse('near=spaceport').errors[0]).toMatchObject({ field: 'near', code: 'unknown' });
		expect(parse('areaMin=50&areaMax=10').errors[0]).toMatchObject({ field: 'areaMax', code: 'below_min' });
		expect(parse('industry=New Materials!').errors[0]).toMatchObject({ field: 'industry', code: 'unknown', params: { value: 'New Materials!' } });
	});
	it('refuses malformed shapes', () => {
		expect(parse('polygon=118 37;119 37').errors[0]).toMatchObject({ field: 'polygon', code: 'malformed_polygon' });
		expect(parse('polygon=118 37;abc;119 38').errors[0].field).toBe('polygon');
		expect(parse('bbox=119,37,118,38').errors[0].field).toBe('bbox');
		expect(parse('circle=118.5,37.4,0').errors[0].field).toBe('circle');
	});
});

const base: SiteCandidate = {
	kind: 'plot',
	code: 'NM-A01-01',
	areaM2: 21_333, // 32 亩
	priceWanPerMu: 15,
	readinessItems: ['road', 'power', 'water_supply'],
	industries: ['new_materials'],
	chains: ['rare_earth_catalysis'],
	distanceKm: 2.1,
	upstream: 3,
	downstream: 0,
	rentYuanPerM2Day: null,
	daysSinceConfirmed: 12
};
const q = (over: Partial<FinderQuery>): FinderQuery => ({ ...DEFAULT_QUERY, ...over });
const ctx = { staleAfterDays: 90, chainName: { zh: '稀土催化材料', en: 'Rare-earth catalytic materials' } };

describe('match score and reasons', () => {
	it('explains the example from the brief in both languages', () => {
		const { reasons } = scoreSite(base, q({ chain: 'rare_earth_catalysis', areaMin: 30, near: 'highway_exit', withinKm: 5, link: 're_catalyst' }), ctx);
		const zh = reasons.map((r) => formatReason('zh-CN', r));
		expect(zh).toContain('产业链：稀土催化材料 ✓');
		expect(zh).toContain('32 亩（要求 ≥ 30 亩） ✓');
		expect(zh).toContain('距高速出口 2.1 公里 ✓');
		expect(zh).toContain('5 公里内有 3 家上游供应商 ✓');
		const en = reasons.map((r) => formatReason('en', r));
		expect(en).toContain('3 upstream suppliers of your link within 5 km ✓');
		expect(en).toContain('2.1 km to a highway exit ✓');
	});
	it('scores a site that meets everything higher than one that misses the chain', () => {
		const query = q({ chain: 'rare_earth_catalysis', areaMin: 30 });
		const fit = scoreSite(base, query, ctx).score;
		const miss = scoreSite({ ...base, chains: ['copper_materials'] }, query, ctx).score;
		expect(fit).toBeGreaterThan(miss);
		expect(fit).toBeLessThanOrEqual(100);
	});
	it('counts land use against the industry: a logistics plot is no place for a new-materials plant', () => {
		const query = q({ industry: 'new_materials', areaMin: 30 });
		const c = { ...ctx, industryGroup: 'leading' as const, industryName: { zh: '新材料', en: 'New materials' } };
		const industrial = scoreSite({ ...base, landUse: 'industrial' }, query, c);
		const logistics = scoreSite({ ...base, landUse: 'logistics' }, query, c);
		const mixed = scoreSite({ ...base, landUse: 'mixed' }, query, c);
		expect(industrial.score).toBeGreaterThan(mixed.score);
		expect(mixed.score).toBeGreaterThan(logistics.score);
		expect(industrial.reasons.map((r) => formatReason('zh-CN', r))).toContain('工业用地，可建新材料项目 ✓');
		expect(logistics.reasons.map((r) => formatReason('zh-CN', r))).toContain('物流仓储用地，不能建新材料项目 ✗');
		expect(logistics.reasons.map((r) => formatReason('en', r))).toContain('Logistics & warehousing land: not for New materials ✗');
		expect(mixed.reasons.map((r) => formatReason('zh-CN', r))).toContain('混合用地，建新材料项目受限 ✗');
		// Services want the opposite: logistics land suits port logistics.
		const services = { ...c, industryGroup: 'services' as const };
		expect(scoreSite({ ...base, landUse: 'logistics' }, query, services).score).toBeGreaterThan(
			scoreSite({ ...base, landUse: 'industrial' }, query, services).score
		);
	});
	it('prefers a closer facility and more chain partners', () => {
		const query = q({ near: 'highway_exit', withinKm: 5, link: 're_catalyst' });
		expect(scoreSite({ ...base, distanceKm: 0.5 }, query, ctx).score).toBeGreaterThan(scoreSite({ ...base, distanceKm: 4.5 }, query, ctx).score);
		expect(scoreSite({ ...base, upstream: 5 }, query, ctx).score).toBeGreaterThan(scoreSite({ ...base, upstream: 0 }, query, ctx).score);
	});
	it('marks stale records and ranks them lower', () => {
		const fresh = scoreSite(base, q({}), ctx);
		const stale = scoreSite({ ...base, daysSinceConfirmed: 120 }, q({}), ctx);
		expect(stale.score).toBeLessThan(fresh.score);
		expect(stale.reasons.map((r) => formatReason('en', r))).toContain('Not confirmed for 120 days ⚠');
	});
	it('orders by score, then the smaller site, then code', () => {
		const list = [
			{ score: 80, areaM2: 500, code: 'B' },
			{ score: 90, areaM2: 900, code: 'C' },
			{ score: 80, areaM2: 300, code: 'A' }
		].sort(compareScored);
		expect(list.map((x) => x.code)).toEqual(['C', 'A', 'B']);
	});
});

describe('finder query from a plain form', () => {
	it('accepts repeated keys and ignores empty fields', () => {
		const { query, errors } = parse('landUse=industrial&landUse=research&areaMin=&industry=&status=available&status=reserve');
		expect(errors).toEqual([]);
		expect(query.landUse).toEqual(['industrial', 'research']);
		expect(query.areaMin).toBeUndefined();
		expect(query.status).toEqual(['available', 'reserve']);
	});
	it('lets a form untick every status (any status)', () => {
		expect(parse('status=').query.status).toEqual([]);
	});
});
