/**
 * The formats SiteAtlas exports: shared by the download menus (so no schema library comes to
 * the browser with them) and the server, which checks a request in server/export/request.ts.
 */

export const EXPORT_FORMATS = ['geojson', 'csv', 'kml', 'gpkg', 'shp', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Formats for lists without geometry. */
export const TABLE_FORMATS = ['csv', 'xlsx'] as const satisfies readonly ExportFormat[];
