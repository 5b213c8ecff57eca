import type { RequestHandler } from './$types';
import { json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { auditCsv, auditFilterSchema, auditLog } from '$lib/server/audit-log';
import { guardedResponse } from '$lib/server/http';
import { requireAdmin } from '$lib/server/auth/permissions';

/**
 * GET /api/console/audit?user=&entity=&record=&action=&from=&to=&page= — the zone's audit log
 * (administrators); `format=csv` downloads the filtered log as CSV.
 */
export const GET: RequestHandler = ({ url, locals }) =>
	guardedResponse(async () => {
		requireAdmin(locals.user, 'Only administrators read the audit log.');
		const db = await getDatabase();
		const filter = auditFilterSchema.parse(Object.fromEntries([...url.searchParams].filter(([k, v]) => k !== 'format' && v !== '')));
		if (url.searchParams.get('format') === 'csv') {
			return new Response(await auditCsv(db, locals.user, filter), {
				headers: {
					'content-type': 'text/csv; charset=utf-8',
					'content-disposition': `attachment; filename="siteatlas-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
					'cache-control': 'no-store'
				}
			});
		}
		return json(await auditLog(db, locals.user, filter));
	}, locals.user);
