/** A shared tour as a download: timed stops and the driven route, in GPX, KML or GeoJSON. */
import type { Database } from '../db/client';
import { tourToGeoJSON, tourToGPX, tourToKML, type ExportTour } from '../../domain/tour-export';
import type { SavedTour } from '../../domain/tour-schema';
import { tourByToken } from '.';
import type { Locale } from '../../i18n';

export const EXPORT_FORMATS = {
	'tour.gpx': { type: 'application/gpx+xml', write: tourToGPX },
	'tour.kml': { type: 'application/vnd.google-earth.kml+xml', write: tourToKML },
	'tour.geojson': { type: 'application/geo+json', write: (t: ExportTour) => JSON.stringify(tourToGeoJSON(t)) }
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(v: string): v is ExportFormat {
	return v in EXPORT_FORMATS;
}

/** A tour as a file: its timed stops and the driven route. */
export function tourExport(tour: SavedTour, format: ExportFormat): { type: string; body: string } {
	const { type, write } = EXPORT_FORMATS[format];
	const body = write({
		title: tour.title,
		date: tour.tourDate,
		route: tour.route,
		stops: tour.stops.map((s, i) => ({ label: s.label, location: s.location, arrival: tour.times[i]?.arrival ?? '', notes: s.notes }))
	});
	return { type, body };
}

/** The file as a download named after its format (tour.gpx …), never cached: a link can be revoked. */
export function downloadResponse(file: { type: string; body: string }, format: ExportFormat): Response {
	return new Response(file.body, {
		headers: { 'content-type': file.type, 'content-disposition': `attachment; filename="${format}"`, 'cache-control': 'no-store' }
	});
}

/** The export of a shared tour, or null when the link is unknown, revoked or expired. */
export async function sharedTourExport(db: Database, token: string, format: ExportFormat, locale: Locale = 'zh-CN') {
	const tour = await tourByToken(db, token, locale);
	return tour && tourExport(tour, format);
}
