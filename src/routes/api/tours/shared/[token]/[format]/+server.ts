import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { downloadResponse, isExportFormat, sharedTourExport } from '$lib/server/tours/export';
import { failure } from '$lib/server/http';

/** GET /api/tours/shared/<token>/tour.gpx | tour.kml | tour.geojson */
export const GET: RequestHandler = async ({ params, locals }) => {
	if (!isExportFormat(params.format)) return failure(404, 'unknown_format', 'Exports are tour.gpx, tour.kml and tour.geojson.');
	const file = await sharedTourExport(await getDatabase(), params.token, params.format, locals.locale);
	if (!file) return failure(404, 'not_found', 'This tour link does not exist, was revoked or has expired.');
	return downloadResponse(file, params.format);
};
