import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { tourByToken } from '$lib/server/tours';
import { failure } from '$lib/server/http';
import { schedule, formatClock } from '$lib/domain/schedule';
import { routeTour } from '$lib/server/tours/graph';
import { tourToGeoJSON, tourToGPX, tourToKML, type ExportTour } from '$lib/domain/tour-export';

const FORMATS = {
	'tour.gpx': { type: 'application/gpx+xml', write: tourToGPX },
	'tour.kml': { type: 'application/vnd.google-earth.kml+xml', write: tourToKML },
	'tour.geojson': { type: 'application/geo+json', write: (t: ExportTour) => JSON.stringify(tourToGeoJSON(t)) }
} as const;

/** GET /api/tours/shared/<token>/tour.gpx | tour.kml | tour.geojson */
export const GET: RequestHandler = async ({ params }) => {
	const format = FORMATS[params.format as keyof typeof FORMATS];
	if (!format) return failure(404, 'unknown_format', 'Exports are tour.gpx, tour.kml and tour.geojson.');
	const db = await getDatabase();
	const tour = await tourByToken(db, params.token);
	if (!tour) return failure(404, 'not_found', 'This tour link does not exist, was revoked or has expired.');
	const route = await routeTour(db, tour.stops.map((s) => s.location));
	const times = schedule(tour.startTime, tour.stops, route.legs.map((l) => l.durationS));
	const body = format.write({
		title: tour.title,
		date: tour.tourDate,
		route: tour.route,
		stops: tour.stops.map((s, i) => ({ label: s.label, location: s.location, arrival: formatClock(times[i].arrivalMin), notes: s.notes }))
	});
	return new Response(body, {
		headers: { 'content-type': format.type, 'content-disposition': `attachment; filename="${params.format}"`, 'cache-control': 'no-store' }
	});
};
