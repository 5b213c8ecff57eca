import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { HeatInputError, heatCells, parseHeatRequest } from '$lib/server/heat';
import { parseFinderQuery } from '$lib/domain/finder';
import { SearchInputError, searchSites } from '$lib/server/search';
import { badRequest } from '$lib/server/http';

/** GET /api/heat?metric=available_land&z=12&bbox=w,s,e,n[&finder parameters for metric=match] */
export const GET: RequestHandler = async ({ url }) => {
	try {
		const req = parseHeatRequest(url.searchParams);
		const db = await getDatabase();
		let points: { lon: number; lat: number; score: number }[] = [];
		if (req.metric === 'match') {
			const finder = new URLSearchParams(url.searchParams);
			for (const k of ['metric', 'z', 'bbox']) finder.delete(k);
			const { query, errors } = parseFinderQuery(finder);
			if (errors.length) return badRequest(errors);
			points = (await searchSites(db, { ...query, page: 1, pageSize: 1 })).matches;
		}
		return json(await heatCells(db, req, points), { headers: { 'cache-control': 'no-cache' } });
	} catch (e) {
		if (e instanceof HeatInputError || e instanceof SearchInputError) return badRequest(e.errors);
		throw e;
	}
};
