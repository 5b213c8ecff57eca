/** Map helpers for the finder: id filters for highlights, and the area of interest as GeoJSON. */
import { circle as turfCircle, centroid, distance } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';

/** A filter matching features whose id is in the list (matches nothing for an empty list). */
export function idFilter(ids: number[]): unknown[] {
	return ['in', ['id'], ['literal', ids]];
}

export interface Area {
	polygon?: [number, number][];
	circle?: { lon: number; lat: number; radiusKm: number };
}

/** The finder's area of interest as a GeoJSON collection (empty when none is set). */
export function aoiFeature(a: Area): FeatureCollection {
	const features: Feature[] = [];
	if (a.polygon && a.polygon.length >= 3) {
		const ring = [...a.polygon, a.polygon[0]];
		features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } });
	}
	if (a.circle) features.push(turfCircle([a.circle.lon, a.circle.lat], a.circle.radiusKm, { units: 'kilometers', steps: 64 }));
	return { type: 'FeatureCollection', features };
}

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** A drawn shape as the finder's area: a polygon ring, or a circle (centre and radius) for circle mode. */
export function drawnArea(geometry: Polygon, isCircle: boolean): Area {
	const ring = geometry.coordinates[0].slice(0, -1).map(([x, y]) => [r6(x), r6(y)] as [number, number]);
	if (!isCircle) return { polygon: ring };
	const c = centroid(geometry).geometry.coordinates;
	const radiusKm = distance(c, geometry.coordinates[0][0], { units: 'kilometers' });
	return { circle: { lon: r6(c[0]), lat: r6(c[1]), radiusKm: Math.round(radiusKm * 1000) / 1000 } };
}
