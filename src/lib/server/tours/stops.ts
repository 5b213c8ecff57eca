/** Stops for a tour from site references ("plot:CODE" …): only published sites, in the order given. */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { getFeatureDetails } from '../sites/details';
import { stopFromDetails, type FacilityChoice, type TourSiteRef } from '../../domain/tour-stops';
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

/** Published facilities by kind, for the editor's "add a facility" list (hotels, the service centre …). */
export async function facilityChoices(db: Database): Promise<FacilityChoice[]> {
	const rows = await db.rows<{ code: string; kind: string; name_zh: string; name_en: string }>(
		sql`select code, kind, name_zh, name_en from facilities where published order by kind, code`
	);
	return rows.map((f) => ({ code: f.code, kind: f.kind, nameZh: f.name_zh, nameEn: f.name_en }));
}
