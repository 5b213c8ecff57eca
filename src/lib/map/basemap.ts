/**
 * The map's style from the site settings: the offline basemap, a MapLibre style URL, or
 * Tianditu — each with SiteAtlas's layers on top, in the basemap's datum — and the credit
 * line every map shows and prints: the map-approval number (审图号) and the basemap's
 * attribution, as Chinese regulation requires for public maps.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { displayDatumOf, type BasemapSettings } from '../domain/basemap';
import { setDisplayDatum } from './datum';
import { offlineStyle, overlayOnStyle, tiandituStyle } from './style';

export const TIANDITU_ATTRIBUTION = '© 天地图 · 国家地理信息公共服务平台';

export interface MapStyle {
	style: StyleSpecification;
	/** The basemap's attributions (plain text), for the credit line. */
	attributions: string[];
	/** Set when the configured basemap could not be loaded and the offline one is shown instead. */
	fallback?: string;
}

const plain = (html: string) =>
	html
		.replace(/<[^>]*>/g, '')
		.replace(/&copy;/g, '©')
		.replace(/&amp;/g, '&')
		.trim();

function attributionsOf(style: StyleSpecification, own: string): string[] {
	const out = new Set<string>();
	if (own) out.add(own);
	for (const s of Object.values(style.sources)) {
		const a = (s as { attribution?: string }).attribution;
		if (a && a !== 'SiteAtlas') out.add(plain(a));
	}
	return [...out];
}

/** Builds the style and sets the display datum for everything else the page puts on the map. */
export async function buildMapStyle(basemap: BasemapSettings, origin: string, offlineAttribution: string): Promise<MapStyle> {
	if (basemap.kind === 'style' && basemap.styleUrl) {
		try {
			const res = await fetch(basemap.styleUrl);
			if (!res.ok) throw new Error(`HTTP ${res.status}`);
			const base = (await res.json()) as StyleSpecification;
			setDisplayDatum(displayDatumOf(basemap));
			return { style: overlayOnStyle(base, origin, basemap.datum), attributions: attributionsOf(base, basemap.attribution) };
		} catch (e) {
			setDisplayDatum('wgs84');
			return { style: offlineStyle(origin, offlineAttribution), attributions: [offlineAttribution], fallback: (e as Error).message };
		}
	}
	setDisplayDatum('wgs84');
	if (basemap.kind === 'tianditu' && basemap.tiandituKey) {
		const own = basemap.attribution || TIANDITU_ATTRIBUTION;
		return { style: tiandituStyle(origin, basemap.tiandituKey, basemap.tiandituLayer, own), attributions: [own] };
	}
	return { style: offlineStyle(origin, offlineAttribution), attributions: [offlineAttribution] };
}
