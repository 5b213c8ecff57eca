/**
 * Everything the printable itinerary and the shared page show about a tour: for each stop
 * the published site's key facts, a photo or a location sketch, and who receives the
 * delegation (the stop's own contact, else the park's public investment contact); and an
 * overview map of the route as SVG, which renders on the server and prints without WebGL.
 */
import { sql } from 'drizzle-orm';
import { along, length, lineString } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import type { Database } from '../db/client';
import { getFeatureDetails } from '../sites/details';
import { siteSketch } from '../sites/pages';
import { listPhotos } from '../photos';
import { haversineM } from '../../geo/routing';
import { sketch, type SketchFeature } from '../../geo/sketch';
import { degreesSpanning } from '../../geo/degrees';
import { accessPaths, legPath, stopGroups } from '../../domain/tour-plan';
import type { Itinerary, ItineraryStop, SavedTour, TourOverview } from '../../domain/tour-schema';
import type { ParkContact } from '../../domain/site-details';

const LAYER = { plot: 'plots', building: 'buildings', facility: 'facilities' } as const;

function parkContactText(p: ParkContact | null | undefined): string | null {
	if (!p) return null;
	const text = [p.contactName, p.contactPhone, p.contactEmail].filter(Boolean).join(' · ');
	return text || null;
}

async function stopDetails(db: Database, s: SavedTour['stops'][number]): Promise<ItineraryStop> {
	if (s.siteKind === 'point' || !s.code)
		return { details: null, photoId: null, sketch: null, contact: s.contact ? { text: s.contact, fromPark: false } : null };
	const details = (await getFeatureDetails(db, LAYER[s.siteKind], s.code)) as ItineraryStop['details'];
	const site = s.siteKind === 'facility' ? null : s.siteKind;
	const [photos, inset] = await Promise.all([
		site && details ? listPhotos(db, site, s.code) : Promise.resolve([]),
		site && details ? siteSketch(db, LAYER[site], s.code) : Promise.resolve(null)
	]);
	const park = details && details.layer !== 'facilities' ? parkContactText(details.park) : null;
	const contact = s.contact ? { text: s.contact, fromPark: false } : park ? { text: park, fromPark: true } : null;
	return { details, photoId: photos[0]?.id ?? null, sketch: photos.length ? null : inset, contact };
}

/** The overview: parks and roads around the route, the route itself, the stops and one arrow per leg. */
async function overview(db: Database, tour: SavedTour): Promise<TourOverview> {
	const all: Position[] = [...tour.route, ...tour.stops.map((s) => s.location)];
	const xs = all.map((p) => p[0]);
	const ys = all.map((p) => p[1]);
	const [w, s, e, n] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
	const center: Position = [(w + e) / 2, (s + n) / 2];
	const half = Math.max(400, (Math.max(haversineM([w, center[1]], [e, center[1]]), haversineM([center[0], s], [center[0], n])) / 2) * 1.15);
	const { dLat, dLon } = degreesSpanning(half * 1.5, center[1]);
	const around = sql`ST_MakeEnvelope(${center[0] - dLon}, ${center[1] - dLat}, ${center[0] + dLon}, ${center[1] + dLat}, 4326)`;
	// Parks and roads simplified to about a unit of the 600-unit overview, and clipped to it.
	const tolerance = (half * 2) / 600 / 110_574;
	const rows = await db.rows<{ role: SketchFeature['role']; g: string; tag: string | null }>(sql`
		select 'park' as role, ST_AsGeoJSON(ST_Simplify(ST_ClipByBox2D(boundary, ${around}), ${tolerance}::float8), 6) as g, null as tag
		from parks where published and parent_id is null and boundary && ${around}
		union all
		select 'road', ST_AsGeoJSON(ST_Simplify(ST_ClipByBox2D(geom, ${around}), ${tolerance}::float8), 6), road_class from roads where geom && ${around}`);
	const features: SketchFeature[] = rows.map((r) => ({ role: r.role, geometry: JSON.parse(r.g) as Geometry, tag: r.tag ?? undefined }));
	const arrowAt: SketchFeature[] = [];
	tour.legs.forEach((leg, i) => {
		const path = legPath(tour, leg);
		if (path.length < 2) return;
		features.push({ role: 'route', geometry: { type: 'LineString', coordinates: path }, tag: String(i) });
		const line = lineString(path);
		const km = length(line);
		if (km <= 0) return;
		arrowAt.push(
			{ role: 'route', geometry: along(line, km * 0.5).geometry, tag: `${i}:a` },
			{ role: 'route', geometry: along(line, Math.min(km, km * 0.5 + Math.max(0.01, km * 0.02))).geometry, tag: `${i}:b` }
		);
	});
	const legs = tour.legs.map((l) => legPath(tour, l));
	if (legs.length === tour.stops.length - 1 && legs.every((l) => l.length)) {
		for (const path of accessPaths(
			tour.stops.map((st) => st.location),
			legs
		))
			features.push({ role: 'route', geometry: { type: 'LineString', coordinates: path }, tag: 'access' });
	}
	// Stops at one place (back at the start) share one circle: "1·5".
	for (const g of stopGroups(tour.stops)) features.push({ role: 'stop', geometry: { type: 'Point', coordinates: g.location }, tag: g.numbers.join('·') });
	const sk = sketch([...features, ...arrowAt], center, half, 600);
	const arrows: TourOverview['arrows'] = [];
	for (let i = 0; i < tour.legs.length; i++) {
		const a = sk.points.find((p) => p.tag === `${i}:a`);
		const b = sk.points.find((p) => p.tag === `${i}:b`);
		if (a && b && (a.x !== b.x || a.y !== b.y)) arrows.push({ x: a.x, y: a.y, angle: Math.round((Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI) });
	}
	return { ...sk, points: sk.points.filter((p) => p.role === 'stop'), arrows };
}

export async function tourItinerary(db: Database, tour: SavedTour): Promise<Itinerary> {
	const [stops, ov] = await Promise.all([Promise.all(tour.stops.map((s) => stopDetails(db, s))), overview(db, tour)]);
	return { stops, overview: ov };
}
