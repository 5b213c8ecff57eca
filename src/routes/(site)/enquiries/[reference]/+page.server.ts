import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { enquiryStatus } from '$lib/server/enquiries';

/** The investor's own view of an enquiry, by its reference: where it stands, in the reader's language; nothing personal. */
export const load = (async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	if (!/^SA-\d{4}-[2-9A-Z]{6}$/.test(params.reference)) error(404, { message: 'enquiry.unknown_reference' });
	const status = await enquiryStatus(await getDatabase(), params.reference);
	if (!status) error(404, { message: 'enquiry.unknown_reference' });
	return { status };
}) satisfies PageServerLoad;
