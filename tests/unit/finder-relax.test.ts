import { describe, expect, it } from 'vitest';
import { parseFinderQuery, finderParams } from '../../src/lib/domain/finder';
import { relaxations, widenedKm } from '../../src/lib/domain/finder-relax';

const q = (s: string) => parseFinderQuery(new URLSearchParams(s)).query;

describe('relaxing a search that found nothing', () => {
	it('drops each criterion that was set on its own, and widens a distance instead of dropping it', () => {
		const r = relaxations(q('industry=new_materials&areaMin=30&near=highway_exit&withinKm=5&readiness=road,power'));
		expect(r.map((x) => x.criterion)).toEqual(['distance', 'area', 'readiness', 'status', 'industry', 'stale']);
		const byName = Object.fromEntries(r.map((x) => [x.criterion, finderParams(x.query)]));
		expect(byName.distance.get('withinKm')).toBe('100');
		expect(byName.distance.get('industry')).toBe('new_materials');
		expect(byName.area.get('areaMin')).toBeNull();
		expect(byName.area.get('near')).toBe('highway_exit');
		expect(byName.stale.get('stale')).toBe('1');
		// Buildings have their own criteria; a page number never survives.
		expect(relaxations({ ...q('kind=building&rentMax=2&vacantMin=500&page=3') }).map((x) => [x.criterion, x.query.page])).toEqual([
			['rent', 1],
			['vacant', 1],
			['stale', 1]
		]);
	});
	it('offers the next half kilometre above the nearest fitting site, never less than asked', () => {
		expect(widenedKm(6.2)).toBe(6.5);
		expect(widenedKm(6.5)).toBe(6.5);
		expect(widenedKm(0.3, 5)).toBe(5);
		expect(widenedKm(250)).toBe(100);
	});
});
