import type { LayoutServerLoad } from './$types';
import { BASEMAP_ATTRIBUTION } from '$lib/server/basemap';

export const load = (async ({ locals, depends }) => {
	depends('app:locale');
	return {
		locale: locals.locale,
		signedIn: locals.user !== null,
		/** Promotion staff see "plan a tour" next to finder results and the compare list. */
		canPlanTours: locals.user?.role === 'admin' || locals.user?.role === 'staff',
		/** A deployment's own basemap (Tianditu, PMTiles, any MapLibre style); empty for the offline one. */
		basemapStyleUrl: process.env.SITEATLAS_BASEMAP_STYLE_URL ?? '',
		basemapAttribution: BASEMAP_ATTRIBUTION
	};
}) satisfies LayoutServerLoad;
