import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { supportedCrs, zoneCentreLon } from '$lib/server/ogc/crs';
import { DEFAULT_LIMIT, MAX_LIMIT } from '$lib/server/ogc/features';
import { ratePerMinute } from '$lib/server/guard/public-api';
import { EXPORT_MAX_ROWS } from '$lib/server/export/request';

/** The developer page: the endpoints with this server's address, its limits and the coordinate systems it offers. */
export const load = (async ({ url }) => {
	const crs = supportedCrs(await zoneCentreLon(await getDatabase())).map((c) => ({ uri: c.uri, code: c.code }));
	return { origin: url.origin, crs, limits: { page: DEFAULT_LIMIT, maxPage: MAX_LIMIT, perMinute: ratePerMinute(), exportRows: EXPORT_MAX_ROWS } };
}) satisfies PageServerLoad;
