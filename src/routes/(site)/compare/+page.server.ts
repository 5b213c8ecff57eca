import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { getFeatureDetails } from '$lib/server/sites/details';
import { parseSiteRefs } from '$lib/domain/site-refs';
import type { BuildingDetails, PlotDetails } from '$lib/domain/site-details';

export const load = (async ({ url }) => {
	const refs = parseSiteRefs(url.searchParams.get('sites'));
	const db = await getDatabase();
	const sites: (PlotDetails | BuildingDetails)[] = [];
	for (const ref of refs) {
		const [kind, code] = ref.split(':') as ['plot' | 'building', string];
		const d = await getFeatureDetails(db, kind === 'plot' ? 'plots' : 'buildings', code);
		if (d && (d.layer === 'plots' || d.layer === 'buildings')) sites.push(d);
	}
	return { refs, sites };
}) satisfies PageServerLoad;
