/** Text put into XML or HTML that others read (GPX, KML, SVG, the API's pages): its markup characters escaped. */
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

export const escapeXml = (s: unknown): string => String(s ?? '').replace(/[<>&'"]/g, (c) => ENTITIES[c]);
