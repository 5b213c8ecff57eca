import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { guardedResponse } from '$lib/server/http';
import { consoleExport } from '$lib/server/export/audited';

/**
 * GET /api/console/export/<list>?format=geojson|csv|kml|gpkg|shp|xlsx&encoding=utf-8|gbk&park=&<the list's filters>:
 * a console list as a file — plots, buildings, parks, facilities, roads (every field the user's
 * role sees, in the import's names) and the enquiry, project, land-case, economy, proposal,
 * tour, user and audit lists; audited.
 */
export const GET: RequestHandler = ({ params, url, locals }) =>
	guardedResponse(async () => consoleExport(await getDatabase(), locals.user!, params.list, url, locals.locale), locals.user);
