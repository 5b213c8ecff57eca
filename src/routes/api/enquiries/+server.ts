import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { enquirySchema, fieldErrors } from '$lib/domain/enquiry';
import { addressHash, createEnquiry, EnquiryRejected } from '$lib/server/enquiries';
import { badRequest, failure, readJson } from '$lib/server/http';

/** POST /api/enquiries {siteKind, siteCode, company, contactName, contactEmail|contactPhone, …} → 201 {reference} */
export const POST: RequestHandler = async ({ request, getClientAddress, locals }) => {
	const body = await readJson(request);
	if (body === null || typeof body !== 'object') return failure(400, 'invalid_json', 'Send the enquiry as a JSON object.');
	const parsed = enquirySchema.safeParse(body);
	if (!parsed.success) return badRequest(fieldErrors(parsed.error));
	try {
		const result = await createEnquiry(await getDatabase(), parsed.data, { ipHash: addressHash(getClientAddress()), locale: locals.locale });
		return json(result, { status: 201 });
	} catch (e) {
		if (e instanceof EnquiryRejected) return failure(e.status, e.code, e.message);
		throw e;
	}
};
