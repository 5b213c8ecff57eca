import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { enquiryStatus } from '$lib/server/enquiries';
import { failure } from '$lib/server/http';
import { isLocale, pickLocale, vocabLabel } from '$lib/i18n';

/** GET /api/enquiries/SA-2026-XXXXXX: the status of an enquiry, for the holder of its reference. */
/** `?lang=en|zh-CN` names the stage in that language (else the one the enquiry was written in). */
export const GET: RequestHandler = async ({ params, url }) => {
	if (!/^SA-\d{4}-[2-9A-Z]{6}$/.test(params.reference)) return failure(400, 'invalid_reference', 'A reference looks like SA-2026-7K3QXM.');
	const status = await enquiryStatus(await getDatabase(), params.reference);
	if (!status) return failure(404, 'not_found', `No enquiry ${params.reference}.`);
	const lang = url.searchParams.get('lang');
	const locale = isLocale(lang) ? lang : pickLocale(status.locale);
	return json({ ...status, locale, statusLabel: vocabLabel(locale, 'enquiry_status', status.status) }, { headers: { 'cache-control': 'no-store' } });
};
