/** A shared tour as a download: timed stops and the driven route, in GPX, KML or GeoJSON. */
import type { Database } from '../db/client';
import { formatClock, schedule } from '../../domain/schedule';
import { tourToGeoJSON, tourToGPX, tourToKML, type ExportTour } from '../../domain/tour-export';
import { routeTour } from './graph';
import { tourByToken } from '.';

export const EXPORT_FORMATS = {
	'tour.gpx': { type: 'application/gpx+xml', write: tourToGPX },
	'tour.kml': { type: 'application/vnd.google-earth.kml+xml', write: tourToKML },
	'tour.geojson': { type: 'application/geo+json', write: (t: ExportTour) => JSON.stringify(tourToGeoJSON(t)) }
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(v: string): v is ExportFormat {
	return v in EXPORT_FORMATS;
}

/** The export of a shared tour, or null when the link is unknown, revoked or expired. */
export async function sharedTourExport(db: Database, token: string, format: ExportFormat): Promise<{ type: string; body: string } | null> {
	const tour = await tourByToken(db, token);
	if (!tour) return null;
	const route = await routeTour(db, tour.stops.map((s) => s.location));
	const times = schedule(tour.startTime, tour.stops, route.legs.map((l) => l.durationS));
	const { type, write } = EXPORT_FORMATS[format];
	return {
		type,
		body: write({
			title: tour.title,
			date: tour.tourDate,
			route: tour.route,
			stops: tour.stops.map((s, i) => ({ label: s.label, location: s.location, arrival: formatClock(times[i].arrivalMin), notes: s.notes }))
		})
	};
}
