import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { enquiryStatus } from '$lib/server/enquiries';
import { failure } from '$lib/server/http';

/** GET /api/enquiries/SA-2026-XXXXXX: the status of an enquiry, for the holder of its reference. */
export const GET: RequestHandler = async ({ params }) => {
	if (!/^SA-\d{4}-[2-9A-Z]{6}$/.test(params.reference)) return failure(400, 'invalid_reference', 'A reference looks like SA-2026-7K3QXM.');
	const status = await enquiryStatus(await getDatabase(), params.reference);
	if (!status) return failure(404, 'not_found', `No enquiry ${params.reference}.`);
	return json(status, { headers: { 'cache-control': 'no-store' } });
};
