import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { HeatInputError, heatForParams } from '$lib/server/heat';
import { SearchInputError } from '$lib/server/search';
import { badRequest } from '$lib/server/http';

/** GET /api/heat?metric=available_land&z=12&bbox=w,s,e,n[&finder parameters for metric=match] */
export const GET: RequestHandler = async ({ url }) => {
	try {
		return json(await heatForParams(await getDatabase(), url.searchParams), { headers: { 'cache-control': 'no-cache' } });
	} catch (e) {
		if (e instanceof HeatInputError || e instanceof SearchInputError) return badRequest(e.errors);
		throw e;
	}
};
