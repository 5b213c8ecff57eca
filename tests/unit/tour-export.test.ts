import { describe, expect, it } from 'vitest';
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, LineString, Point } from 'geojson';
import { tourToGeoJSON, tourToGPX, tourToKML, type ExportTour } from '$lib/domain/tour-export';

const tour: ExportTour = {
	title: 'Delegation <Acme & Co> visit',
	date: '2026-11-25',
	stops: [
		{ label: '蓝海国际大饭店', location: [118.585, 37.44], arrival: '09:00', notes: '' },
		{ label: 'Plot NM-D01-03', location: [118.4912345, 37.4012345], arrival: '09:35', notes: 'meet "Mr. Li" at the gate' },
		{ label: '东营胜利机场', location: [118.788, 37.509], arrival: '11:10', notes: 'lunch after' }
	],
	route: [
		[118.585, 37.44],
		[118.55, 37.43],
		[118.4912345, 37.4012345],
		[118.6, 37.48],
		[118.788, 37.509]
	]
};

const parse = (text: string) => new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;

function check(features: Feature[]) {
	const points = features.filter((f) => f.geometry?.type === 'Point') as Feature<Point>[];
	const line = features.find((f) => f.geometry?.type === 'LineString') as Feature<LineString>;
	expect(points.map((p) => p.properties!.name)).toEqual(['1. 蓝海国际大饭店', '2. Plot NM-D01-03', '3. 东营胜利机场']);
	points.forEach((p, i) => {
		expect(p.geometry.coordinates[0]).toBeCloseTo(tour.stops[i].location[0], 6);
		expect(p.geometry.coordinates[1]).toBeCloseTo(tour.stops[i].location[1], 6);
	});
	expect(line.geometry.coordinates.length).toBe(tour.route.length);
	line.geometry.coordinates.forEach((c, i) => expect(c[0]).toBeCloseTo(tour.route[i][0], 6));
	return points;
}

describe('tour exports parse back into the same stops and path', () => {
	it('GPX, with the arrival time and escaped notes in the description', () => {
		const points = check(gpx(parse(tourToGPX(tour))).features as Feature[]);
		expect(points[1].properties!.desc).toBe('09:35 meet "Mr. Li" at the gate');
	});
	it('KML, with an escaped title', () => {
		const text = tourToKML(tour);
		expect(text).toContain('Delegation &lt;Acme &amp; Co&gt; visit');
		check(kml(parse(text)).features as Feature[]);
	});
	it('GeoJSON, with sequence numbers', () => {
		const fc = tourToGeoJSON(tour);
		expect(fc.features[1].properties).toMatchObject({ seq: 2, arrival: '09:35' });
		expect((fc.features[3].geometry as LineString).coordinates).toHaveLength(5);
	});
});
