import type { Geometry } from 'geojson';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { updatePlotBoundary } from '$lib/server/editing';
import { boundaryEditSchema } from '$lib/domain/edit-schemas';
import { parseBody, writeResponse } from '$lib/server/http';

/** PUT /api/console/plots/<code>/boundary {version, geometry}: checked, then stored with its new area. */
export const PUT: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		const { version, geometry } = await parseBody(request, boundaryEditSchema);
		return updatePlotBoundary(await getDatabase(), locals.user, params.code, version, geometry as unknown as Geometry);
	}, locals.user);
