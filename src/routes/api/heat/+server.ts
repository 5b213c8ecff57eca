import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readDatabase } from '$lib/server/db';
import { HeatInputError, STAFF_HEAT_METRICS, heatForParams, type HeatMetric } from '$lib/server/heat';
import { SearchInputError } from '$lib/server/search';
import { badRequest, failure } from '$lib/server/http';

/** GET /api/heat?metric=available_land&z=12&bbox=w,s,e,n[&finder parameters for metric=match]; metric=unmet for staff only. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const staff = locals.user?.role === 'admin' || locals.user?.role === 'staff';
	if (STAFF_HEAT_METRICS.includes(url.searchParams.get('metric') as HeatMetric) && !staff)
		return failure(locals.user ? 403 : 401, locals.user ? 'forbidden' : 'unauthenticated', 'Only promotion staff see unmet demand.');
	try {
		return json(await heatForParams(await readDatabase(locals), url.searchParams), { headers: { 'cache-control': 'no-cache' } });
	} catch (e) {
		if (e instanceof HeatInputError || e instanceof SearchInputError) return badRequest(e.errors);
		throw e;
	}
};
