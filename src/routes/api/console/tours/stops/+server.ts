import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { requireStaff } from '$lib/server/auth/permissions';
import { stopsFromRefs } from '$lib/server/tours/stops';
import { parseTourSiteRefs } from '$lib/domain/tour-stops';
import { writeResponse } from '$lib/server/http';

/** GET /api/console/tours/stops?sites=plot:A,building:B: tour stops for published sites, and the references not found. */
export const GET: RequestHandler = ({ url, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		return stopsFromRefs(await getDatabase(), parseTourSiteRefs(url.searchParams.get('sites')), locals.locale === 'zh-CN');
	}, locals.user);
