import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { readDatabase } from '$lib/server/db';
import { FEATURE_LAYERS, getFeatureDetails, type FeatureLayer } from '$lib/server/sites/details';
import { isOneOf } from '$lib/domain/vocab';
import { publicAnswers } from '$lib/server/cache/versioned';

/** GET /api/features/<layer>/<code>, or /api/features/<layer>/<row id>?by=id (the id a tile feature carries). */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	if (!isOneOf(FEATURE_LAYERS, params.layer)) {
		error(404, { message: `Unknown layer "${params.layer}". Layers with details are: ${FEATURE_LAYERS.join(', ')}.` });
	}
	const byId = url.searchParams.get('by') === 'id';
	if (byId ? !/^\d{1,9}$/.test(params.id) : !/^[A-Za-z0-9_-]{1,64}$/.test(params.id)) {
		error(400, { message: byId ? 'With by=id the id must be a row number.' : 'A code is letters, digits, "-" and "_" (add ?by=id for a row number).' });
	}
	const db = await readDatabase(locals);
	const key = `features/${params.layer}/${byId ? 'id' : 'code'}/${params.id}`;
	const details = await publicAnswers.get(db, key, () =>
		getFeatureDetails(db, params.layer as FeatureLayer, byId ? { id: Number(params.id) } : { code: params.id })
	);
	if (!details) error(404, { message: `No published ${params.layer.replace(/s$/, '')} "${params.id}".` });
	return json(details, { headers: { 'cache-control': 'no-cache' } });
};
