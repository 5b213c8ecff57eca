import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { fieldErrors, requirementSchema } from '$lib/domain/enquiry';
import { addressHash, EnquiryRejected } from '$lib/server/enquiries';
import { saveRequirement } from '$lib/server/requirements';
import { SearchInputError } from '$lib/server/search';
import { badRequest, failure, readJson } from '$lib/server/http';

/** POST /api/requirements {company, contactName, contactEmail, filters: "<finder query string>"} → 201 {reference, matched} */
export const POST: RequestHandler = async ({ request, getClientAddress, locals, url }) => {
	const body = await readJson(request);
	if (body === null || typeof body !== 'object') return failure(400, 'invalid_json', 'Send the requirement as a JSON object.');
	const parsed = requirementSchema.safeParse(body);
	if (!parsed.success) return badRequest(fieldErrors(parsed.error));
	try {
		const result = await saveRequirement(await getDatabase(), parsed.data, {
			ipHash: addressHash(getClientAddress()),
			locale: locals.locale,
			origin: url.origin
		});
		return json(result, { status: 201 });
	} catch (e) {
		if (e instanceof EnquiryRejected) return failure(e.status, e.code, e.message);
		if (e instanceof SearchInputError) return badRequest(e.errors);
		throw e;
	}
};
