/**
 * The enquiry form action shared by the site pages. On any failure the form comes back
 * with everything the investor entered and a message per field; on success, the
 * reference number.
 */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { getDatabase } from '../db';
import { enquirySchema, fieldErrors } from '../../domain/enquiry';
import { addressHash, createEnquiry, EnquiryRejected } from '.';

export function enquireAction(siteKind: 'plot' | 'building' | 'park') {
	return async ({ request, params, getClientAddress, locals }: RequestEvent) => {
		const form = await request.formData();
		const values: Record<string, string> = {};
		for (const [k, v] of form) if (typeof v === 'string') values[k] = v;
		delete values.website;
		const parsed = enquirySchema.safeParse({ ...Object.fromEntries(form), siteKind, siteCode: (params as { code?: string }).code });
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error) });
		try {
			const { reference } = await createEnquiry(await getDatabase(), parsed.data, {
				ipHash: addressHash(getClientAddress()),
				locale: locals.locale
			});
			return { reference };
		} catch (e) {
			if (e instanceof EnquiryRejected) {
				return fail(e.status, { values, errors: {}, rejected: e.code === 'rate_limited' ? 'enquiry.rate_limited' : 'enquiry.not_accepted' });
			}
			throw e;
		}
	};
}
