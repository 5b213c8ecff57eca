import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { photoBytes } from '$lib/server/photos';

/** A photo of a published site. nosniff: browsers must treat it as the image type it was checked to be. */
export const GET: RequestHandler = async ({ params }) => {
	if (!/^\d{1,9}$/.test(params.id)) error(404, { message: 'No such photo.' });
	const photo = await photoBytes(await getDatabase(), Number(params.id));
	if (!photo) error(404, { message: 'No such photo.' });
	return new Response(photo.bytes as BodyInit, {
		headers: { 'content-type': photo.type, 'x-content-type-options': 'nosniff', 'cache-control': 'public, max-age=86400', 'content-disposition': 'inline' }
	});
};
