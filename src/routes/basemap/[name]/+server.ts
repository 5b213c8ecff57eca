import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { BASEMAP_LAYERS, getBasemapLayer, type BasemapLayer } from '$lib/server/basemap';
import { isOneOf } from '$lib/domain/vocab';

/** /basemap/land.geojson, /basemap/districts.geojson, /basemap/water.geojson */
export const GET: RequestHandler = async ({ params }) => {
	const name = params.name.replace(/\.geojson$/, '');
	if (!isOneOf(BASEMAP_LAYERS, name)) {
		error(404, { message: `Unknown basemap layer "${params.name}". Layers are: ${BASEMAP_LAYERS.map((l) => `${l}.geojson`).join(', ')}.` });
	}
	return new Response(JSON.stringify(getBasemapLayer(name as BasemapLayer)), {
		headers: { 'content-type': 'application/geo+json', 'cache-control': 'public, max-age=86400' }
	});
};
