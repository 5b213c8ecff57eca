import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { FEATURE_LAYERS, getFeatureDetails, type FeatureLayer } from '$lib/server/sites/details';
import { isOneOf } from '$lib/domain/vocab';

export const GET: RequestHandler = async ({ params }) => {
	if (!isOneOf(FEATURE_LAYERS, params.layer)) {
		error(404, { message: `Unknown layer "${params.layer}". Layers with details are: ${FEATURE_LAYERS.join(', ')}.` });
	}
	if (!/^[A-Za-z0-9_-]{1,64}$/.test(params.id)) {
		error(400, { message: 'The id must be a number or a code of letters, digits, "-" and "_".' });
	}
	const details = await getFeatureDetails(await getDatabase(), params.layer as FeatureLayer, params.id);
	if (!details) error(404, { message: `No published ${params.layer.replace(/s$/, '')} "${params.id}".` });
	return json(details, { headers: { 'cache-control': 'no-cache' } });
};
