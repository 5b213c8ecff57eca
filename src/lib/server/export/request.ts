/**
 * What a download request asks for, checked before anything is read: the format (and a
 * shapefile's encoding) from the address, refused with a message when the list cannot be
 * written that way or holds more records than one file may.
 */
import { z } from 'zod';
import { EXPORT_FORMATS } from '../../domain/export-formats';
import type { ExportTable } from './table';
import { formatsFor } from './index';

/** How a download is asked for: `format=…&encoding=…`. */
export const exportRequestSchema = z.object({
	format: z.enum(EXPORT_FORMATS, { message: 'export.format_unknown' }),
	encoding: z.enum(['utf-8', 'gbk'], { message: 'export.encoding_unknown' }).default('utf-8')
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** Records one download may hold. */
export const EXPORT_MAX_ROWS = 200_000;

export class ExportRefused extends Error {
	constructor(
		readonly key: 'export.format_needs_geometry' | 'export.too_many' | 'export.layer_unknown',
		readonly params: Record<string, string | number> = {},
		readonly status: 400 | 404 = 400
	) {
		super(key);
	}
}

export function parseExportRequest(url: URL): ExportRequest {
	return exportRequestSchema.parse({ format: url.searchParams.get('format') ?? undefined, encoding: url.searchParams.get('encoding') || undefined });
}

/** Throws when the table cannot be written in the asked format or is too large. */
export function checkExportable(t: ExportTable, r: ExportRequest): void {
	if (!formatsFor(t).includes(r.format)) throw new ExportRefused('export.format_needs_geometry');
	if (t.rows.length > EXPORT_MAX_ROWS) throw new ExportRefused('export.too_many', { max: EXPORT_MAX_ROWS });
}
