/** Stops for a tour from site references ("plot:CODE" …): only published sites, in the order given. */
import type { Database } from '../db/client';
import { getFeatureDetails } from '../sites/details';
import { stopFromDetails, type TourSiteRef } from '../../domain/tour-stops';
import type { TourStop } from '../../domain/tour-schema';
import type { BuildingDetails, FacilityDetails, PlotDetails } from '../../domain/site-details';

const LAYER = { plot: 'plots', building: 'buildings', facility: 'facilities' } as const;

export async function stopsFromRefs(db: Database, refs: TourSiteRef[], zh: boolean): Promise<{ stops: TourStop[]; missing: string[] }> {
	const found = await Promise.all(
		refs.map(async (ref) => {
			const [kind, code] = ref.split(':') as [keyof typeof LAYER, string];
			return (await getFeatureDetails(db, LAYER[kind], code)) as PlotDetails | BuildingDetails | FacilityDetails | null;
		})
	);
	return {
		stops: found.flatMap((d) => (d ? [stopFromDetails(d, zh)] : [])),
		missing: refs.filter((_, i) => !found[i])
	};
}
