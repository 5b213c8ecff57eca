/**
 * The portal's site settings: what the administrator sets once for the zone (name, public
 * contact, the sample-data banner, freshness thresholds and the basemap). One zod schema for
 * the settings form and the API; messages are i18n keys (`form.*`, `settings.*`).
 */
import { z } from 'zod';
import { optionalText, text } from './input';

export const BASEMAP_KINDS = ['offline', 'style', 'tianditu'] as const;
export type BasemapKind = (typeof BASEMAP_KINDS)[number];

/** The datum a basemap is drawn in: WGS 84 / CGCS2000 (Tianditu, OSM), or GCJ-02 (AMap, Tencent). */
export const DATUMS = ['wgs84', 'gcj02'] as const;
export type Datum = (typeof DATUMS)[number];

export const TIANDITU_LAYERS = ['vector', 'image'] as const;

const httpsUrl = z
	.string()
	.trim()
	.max(2000, { message: 'form.too_long' })
	.refine(
		(s) => {
			try {
				const u = new URL(s);
				return u.protocol === 'https:' || u.protocol === 'http:';
			} catch {
				return false;
			}
		},
		{ message: 'settings.bad_url' }
	);

const days = z.coerce
	.number({ message: 'form.invalid' })
	.int({ message: 'form.invalid' })
	.min(1, { message: 'form.invalid' })
	.max(3650, { message: 'form.invalid' });

export const basemapSchema = z
	.object({
		kind: z.enum(BASEMAP_KINDS, { message: 'form.invalid' }),
		styleUrl: z.union([z.literal(''), httpsUrl]).default(''),
		datum: z.enum(DATUMS, { message: 'form.invalid' }).default('wgs84'),
		tiandituKey: z
			.string()
			.trim()
			.regex(/^[0-9a-fA-F]{0,64}$/, { message: 'settings.bad_tianditu_key' })
			.default(''),
		tiandituLayer: z.enum(TIANDITU_LAYERS, { message: 'form.invalid' }).default('vector'),
		/** 审图号, e.g. GS(2024)0650号 — shown on every public and printed map. */
		approvalNumber: text(60).default(''),
		/** The basemap provider's attribution, shown with the map. */
		attribution: text(300).default('')
	})
	.superRefine((b, ctx) => {
		if (b.kind === 'style' && !b.styleUrl) ctx.addIssue({ code: 'custom', path: ['styleUrl'], message: 'form.required' });
		if (b.kind === 'tianditu' && !b.tiandituKey) ctx.addIssue({ code: 'custom', path: ['tiandituKey'], message: 'form.required' });
	});
export type BasemapSettings = z.infer<typeof basemapSchema>;

export const siteSettingsSchema = z
	.object({
		portalNameZh: text(60).default(''),
		portalNameEn: text(80).default(''),
		contactName: optionalText(80),
		contactPhone: optionalText(40),
		contactEmail: z.union([z.literal(''), z.email({ message: 'form.invalid_email' }).max(200)]).default(''),
		/** Shown only while the sample zone is loaded; the admin may turn it off sooner. */
		sampleBanner: z.boolean().default(true),
		staleAfterDays: days.default(90),
		hideAfterDays: days.default(180),
		basemap: basemapSchema.default({
			kind: 'offline',
			styleUrl: '',
			datum: 'wgs84',
			tiandituKey: '',
			tiandituLayer: 'vector',
			approvalNumber: '',
			attribution: ''
		})
	})
	.superRefine((s, ctx) => {
		if (s.hideAfterDays < s.staleAfterDays) ctx.addIssue({ code: 'custom', path: ['hideAfterDays'], message: 'settings.hide_before_stale' });
	});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export type SiteSettingsInput = z.input<typeof siteSettingsSchema>;

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
