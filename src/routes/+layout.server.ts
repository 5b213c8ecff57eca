import type { LayoutServerLoad } from './$types';
import { basemapAttribution } from '$lib/server/basemap';
import { publicSettings } from '$lib/server/settings';

export const load = (async ({ locals, depends }) => {
	depends('app:locale');
	return {
		locale: locals.locale,
		signedIn: locals.user !== null,
		/** Promotion staff see "plan a tour" next to finder results and the compare list. */
		canPlanTours: locals.user?.role === 'admin' || locals.user?.role === 'staff',
		/** Portal name, contact, banner and the basemap the administrator chose (all public). */
		site: publicSettings(locals.settings),
		/** The offline basemap's own attribution, in the reader's language. */
		basemapAttribution: basemapAttribution(locals.locale)
	};
}) satisfies LayoutServerLoad;
