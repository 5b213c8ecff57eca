/**
 * The formats SiteAtlas exports, and how a download is asked for (`format=…&encoding=…`):
 * shared by the download menus and the routes that check the request.
 */
import { z } from 'zod';

export const EXPORT_FORMATS = ['geojson', 'csv', 'kml', 'gpkg', 'shp', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Formats for lists without geometry. */
export const TABLE_FORMATS = ['csv', 'xlsx'] as const satisfies readonly ExportFormat[];

export const exportRequestSchema = z.object({
	format: z.enum(EXPORT_FORMATS, { message: 'export.format_unknown' }),
	encoding: z.enum(['utf-8', 'gbk'], { message: 'export.encoding_unknown' }).default('utf-8')
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;
