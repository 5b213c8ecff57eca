/**
 * Survey imports (DESIGN.md §3 Imports): `runImport` reads, checks and (on commit) writes a
 * file in one code path for the console, the API and `npm run import`; `undoImport` walks an
 * import back; `importHistory` lists what was imported, by whom, from which file.
 */
import { sql } from 'drizzle-orm';
import { intList } from '../db/lists';
import type { Database } from '../db/client';
import type { SessionUser } from '../auth';
import { requireUser } from '../auth/permissions';
import type { ImportHistoryItem } from '../../domain/import/report';
import type { ImportLayer } from '../../domain/import/targets';
import { iso, parseJson } from '../db/values';

export { runImport, type ImportFile, type Progress } from './pipeline';
export { undoImport } from './undo';
export { ImportFileError, ImportRefused } from './errors';

/** The imports a user may see: all for staff and admins, those into their parks (or by them) for park editors. */
export async function importHistory(db: Database, user: SessionUser | null, limit = 50): Promise<ImportHistoryItem[]> {
	const u = requireUser(user);
	const scope = u.role === 'park_editor' ? sql`where (i.user_id = ${u.id} or i.park_id in ${intList(u.parkIds)})` : sql``;
	const rows = await db.rows<Record<string, unknown>>(sql`
		select i.id, i.created_at, us.display_name, i.layer, k.code as park, i.file_name, i.file_sha256, i.format, i.crs, i.encoding,
			i.counts, i.status, i.undone_at
		from imports i left join users us on us.id = i.user_id left join parks k on k.id = i.park_id
		${scope} order by i.id desc limit ${limit}`);
	return rows.map((r) => {
		const counts = parseJson<Record<string, number>>(r.counts) ?? {};
		return {
			id: Number(r.id),
			at: iso(r.created_at)!,
			user: (r.display_name as string) ?? null,
			layer: r.layer as ImportLayer,
			park: (r.park as string) ?? null,
			fileName: String(r.file_name),
			fileSha256: String(r.file_sha256),
			format: String(r.format),
			crs: (r.crs as string) ?? null,
			encoding: (r.encoding as string) ?? null,
			counts: { created: counts.created ?? 0, updated: counts.updated ?? 0, unchanged: counts.unchanged ?? 0, skipped: counts.skipped ?? 0 },
			status: r.status as 'committed' | 'undone',
			undoneAt: iso(r.undone_at)
		};
	});
}
