import { describe, expect, it } from 'vitest';
import { bbox, booleanValid, featureCollection, feature } from '@turf/turf';
import { generateSampleZone } from '$lib/server/sample/generate';
import { PROJECT_STAGES, SUPPLY_STATUSES } from '$lib/domain/vocab';
import { localFrame } from '$lib/geo/local-frame';

const zone = generateSampleZone({ asOf: '2026-11-01' });

describe('sample zone generator', () => {
	it('is deterministic: same seed and date, same zone', () => {
		expect(JSON.stringify(generateSampleZone({ asOf: '2026-11-01' }))).toBe(JSON.stringify(zone));
	});
	it('changes with the seed', () => {
		expect(generateSampleZone({ asOf: '2026-11-01', seed: 7 }).plots[0].boundary).not.toEqual(zone.plots[0].boundary);
	});
	it('has five industrial parks, each with positioning, and a park within a park', () => {
		const top = zone.parks.filter((p) => p.kind === 'industrial_park');
		expect(top.map((p) => p.code)).toEqual(['NM', 'TE', 'AV', 'PL', 'SE']);
		for (const p of top) expect(p.industries.length).toBeGreaterThan(0);
		expect(zone.parks.find((p) => p.kind === 'park_in_park')?.parent).toBe('NM');
	});
	it('lies in the Dongying area', () => {
		const [w, s, e, n] = bbox(featureCollection(zone.plots.map((p) => feature(p.boundary))));
		expect(w).toBeGreaterThan(118.4);
		expect(e).toBeLessThan(118.8);
		expect(s).toBeGreaterThan(37.3);
		expect(n).toBeLessThan(37.6);
	});
	it('has at least 400 valid plots with unique codes and 5–12 vertices', () => {
		expect(zone.plots.length).toBeGreaterThanOrEqual(400);
		expect(new Set(zone.plots.map((p) => p.code)).size).toBe(zone.plots.length);
		for (const p of zone.plots) {
			expect(booleanValid(p.boundary), p.code).toBe(true);
			const n = p.boundary.coordinates[0][0].length - 1;
			expect(n, p.code).toBeGreaterThanOrEqual(4);
			expect(n, p.code).toBeLessThanOrEqual(12);
		}
	});
	it('represents every supply status, idle and low-efficiency land', () => {
		const statuses = new Set(zone.plots.map((p) => p.supplyStatus));
		for (const s of SUPPLY_STATUSES) expect(statuses.has(s), s).toBe(true);
		expect(zone.plots.some((p) => p.isIdle && p.disposalMethod)).toBe(true);
		expect(zone.plots.some((p) => p.isLowEfficiency && p.disposalMethod)).toBe(true);
	});
	it('has 42 offices of about 1.4 million m² at about 65% occupancy, plus factories', () => {
		const offices = zone.buildings.filter((b) => b.kind !== 'standard_factory');
		expect(offices.length).toBe(42);
		const gross = offices.reduce((s, b) => s + b.grossAreaM2, 0);
		expect(Math.abs(gross - 1_400_000)).toBeLessThan(100);
		let leased = 0;
		let total = 0;
		for (const b of offices)
			for (const u of b.units) {
				total += u.areaM2;
				if (u.status === 'leased') leased += u.areaM2;
			}
		expect(leased / total).toBeGreaterThan(0.6);
		expect(leased / total).toBeLessThan(0.7);
		expect(zone.buildings.length).toBeGreaterThanOrEqual(50);
		expect(zone.buildings.some((b) => b.kind === 'standard_factory')).toBe(true);
	});
	it('sets disposal targets that add up to 9,570 亩', () => {
		expect(zone.parks.reduce((s, p) => s + (p.disposalTargetMu ?? 0), 0)).toBe(9570);
	});
	it('has projects in every life-cycle stage and enterprises tied to chain links', () => {
		const stages = new Set(zone.projects.map((p) => p.stage));
		for (const s of PROJECT_STAGES) expect(stages.has(s), s).toBe(true);
		const links = new Set(zone.chains.flatMap((c) => c.links.map((l) => l.code)));
		expect(zone.enterprises.length).toBeGreaterThan(100);
		for (const e of zone.enterprises) expect(links.has(e.link), e.nameZh).toBe(true);
	});
	it('has the five material chains with links upstream to downstream', () => {
		const materials = zone.chains.filter((c) => c.industry === 'new_materials').map((c) => c.code);
		expect(materials).toEqual(['functional_ceramics', 'rare_earth_catalysis', 'high_performance_fibre', 'advanced_composites', 'copper_materials']);
		const wheelset = zone.chains.find((c) => c.code === 'rail_wheelset')!;
		expect(wheelset.links.map((l) => l.nameEn)).toEqual(['Wheel steel', 'Wheels', 'Axles', 'Wheelset assembly']);
	});
});

describe('local frame', () => {
	it('round-trips metres and degrees within a centimetre', () => {
		const f = localFrame([118.5, 37.4], 6);
		const [x, y] = f.toLocal(f.toLonLat(1234.5, -987.6));
		expect(x).toBeCloseTo(1234.5, 1);
		expect(y).toBeCloseTo(-987.6, 1);
	});
});
