import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/permissions';
import { getTour, tourIdOf } from '$lib/server/tours';
import { downloadResponse, isExportFormat, tourExport } from '$lib/server/tours/export';
import { failure, guardedResponse } from '$lib/server/http';

/** GET /api/console/tours/<id>/tour.gpx | tour.kml | tour.geojson, for staff (shared tours also export from their link). */
export const GET: RequestHandler = ({ params, locals }) => {
	const { format, id } = params;
	return guardedResponse(async () => {
		requireStaff(locals.user);
		if (!isExportFormat(format)) return failure(404, 'unknown_format', 'Exports are tour.gpx, tour.kml and tour.geojson.');
		return downloadResponse(tourExport(await getTour(await getDatabase(), locals.user, tourIdOf(id)), format), format);
	}, locals.user);
};
