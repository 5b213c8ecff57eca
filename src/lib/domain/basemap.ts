/**
 * The basemap rules every map needs, without the settings schema (zod stays off the public
 * map's first load): basemap kinds and datums, Tianditu's tile addresses, the origins a page
 * must allow, the datum a map is shown in, the portal's name. `settings.ts` validates them.
 */
export const BASEMAP_KINDS = ['offline', 'style', 'tianditu'] as const;
export type BasemapKind = (typeof BASEMAP_KINDS)[number];

/** The datum a basemap is drawn in: WGS 84 / CGCS2000 (Tianditu, OSM), or GCJ-02 (AMap, Tencent). */
export const DATUMS = ['wgs84', 'gcj02'] as const;
export type Datum = (typeof DATUMS)[number];

export const TIANDITU_LAYERS = ['vector', 'image'] as const;

export interface BasemapSettings {
	kind: BasemapKind;
	styleUrl: string;
	datum: Datum;
	tiandituKey: string;
	tiandituLayer: (typeof TIANDITU_LAYERS)[number];
	/** 审图号, e.g. GS(2024)0650号 — shown on every public and printed map. */
	approvalNumber: string;
	/** The basemap provider's attribution, shown with the map. */
	attribution: string;
}

/** What every page may know of the settings (all of it is public; the Tianditu key is a browser key). */
export interface PublicSettings {
	portalNameZh: string;
	portalNameEn: string;
	contactName: string | null;
	contactPhone: string | null;
	contactEmail: string | null;
	/** The sample-data banner is on: sample data is loaded and the admin has not turned it off. */
	showSampleBanner: boolean;
	basemap: BasemapSettings;
}

/** The datum the map is shown in: only a style URL's basemap may be GCJ-02 (ours and Tianditu's are CGCS2000). */
export function displayDatumOf(b: BasemapSettings): Datum {
	return b.kind === 'style' ? b.datum : 'wgs84';
}

/** Tianditu's WMTS layers in Web Mercator (`_w`): base and its labels. */
export function tiandituLayers(layer: (typeof TIANDITU_LAYERS)[number]): [string, string] {
	return layer === 'image' ? ['img', 'cia'] : ['vec', 'cva'];
}

/** Tianditu's tile URL for one layer, on its eight hosts t0…t7. */
export function tiandituTileUrls(layer: string, key: string): string[] {
	return Array.from(
		{ length: 8 },
		(_, i) =>
			`https://t${i}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`
	);
}

/** Origins a basemap loads from, for the page's Content-Security-Policy. */
export function basemapOrigins(b: BasemapSettings): string[] {
	if (b.kind === 'tianditu') return ['https://*.tianditu.gov.cn'];
	if (b.kind === 'style' && b.styleUrl) {
		try {
			return [new URL(b.styleUrl).origin];
		} catch {
			return [];
		}
	}
	return [];
}

/** The portal's name in a language, when the administrator set one (else the product's own). */
export function portalName(s: Pick<PublicSettings, 'portalNameZh' | 'portalNameEn'>, locale: string): string | null {
	return (locale === 'zh-CN' ? s.portalNameZh : s.portalNameEn || s.portalNameZh) || null;
}
