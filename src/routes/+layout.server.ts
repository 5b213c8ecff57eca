import type { LayoutServerLoad } from './$types';
import { BASEMAP_ATTRIBUTION } from '$lib/server/basemap';

export const load = (async ({ locals, depends }) => {
	depends('app:locale');
	return {
		locale: locals.locale,
		signedIn: locals.user !== null,
		/** A deployment's own basemap (Tianditu, PMTiles, any MapLibre style); empty for the offline one. */
		basemapStyleUrl: process.env.SITEATLAS_BASEMAP_STYLE_URL ?? '',
		basemapAttribution: BASEMAP_ATTRIBUTION
	};
}) satisfies LayoutServerLoad;
