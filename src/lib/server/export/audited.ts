/**
 * Console downloads: the user's right to the list is checked before the request is read, the
 * table built within their scope, and the download recorded in the audit log (what, in which
 * format, how many records, which park) in the same step — nothing about the records' content.
 */
import type { Database } from '../db/client';
import type { SessionUser } from '../auth';
import { PermissionError, canPlanTours, isAdmin } from '../auth/permissions';
import { recordAudit } from '../audit';
import type { Locale } from '../../i18n';
import { CONSOLE_LAYERS, consoleTable, type ConsoleLayer } from './records';
import { LIST_EXPORTS, type ListExport } from './lists';
import { ExportRefused, checkExportable, parseExportRequest } from './request';
import { exportResponse } from './index';

export const CONSOLE_EXPORTS = [...CONSOLE_LAYERS, ...(Object.keys(LIST_EXPORTS) as ListExport[])] as const;

/** Who may download a list: park editors their parks' plots, buildings and lists; staff the zone's; administrators everything. */
function allowed(user: SessionUser, list: string): boolean {
	if (list === 'users' || list === 'audit' || list === 'parks') return isAdmin(user);
	if (list === 'facilities' || list === 'roads' || list === 'tours' || list === 'proposals' || list === 'target_firms') return canPlanTours(user);
	return true;
}

export async function consoleExport(db: Database, user: SessionUser, list: string, url: URL, locale: Locale): Promise<Response> {
	if (!(CONSOLE_EXPORTS as readonly string[]).includes(list)) throw new ExportRefused('export.layer_unknown', {}, 404);
	if (!allowed(user, list)) throw new PermissionError(403, 'You may not download this list.');
	const request = parseExportRequest(url);
	const park = url.searchParams.get('park')?.slice(0, 64) || null;
	const table = (CONSOLE_LAYERS as readonly string[]).includes(list)
		? await consoleTable(db, user, list as ConsoleLayer, locale, park)
		: await LIST_EXPORTS[list as ListExport](db, user, url, locale);
	checkExportable(table, request);
	const response = await exportResponse(table, request.format, { encoding: request.encoding, nameField: 'code' });
	await recordAudit(db, user, 'export', 'export', list, null, {
		format: request.format,
		...(request.format === 'shp' ? { encoding: request.encoding } : {}),
		records: table.rows.length,
		...(park ? { park } : {}),
		query: url.search.slice(0, 500)
	});
	return response;
}
