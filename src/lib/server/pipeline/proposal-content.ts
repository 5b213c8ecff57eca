/**
 * What a delegation's proposal shows: each chosen site's facts (only published sites of
 * published parks — a site withdrawn since is left out and said to be), the inspection tour as a
 * public page shows it, and the profiles of the parks the sites are in.
 */
import type { Database } from '../db/client';
import { getFeatureDetails } from '../sites/details';
import { publicTour } from '../tours';
import { tourItinerary } from '../tours/itinerary';
import type { BuildingDetails, ParkDetails, PlotDetails } from '../../domain/site-details';
import type { Locale } from '../../i18n';
import type { Proposal } from './proposals';

export async function proposalContent(db: Database, p: Proposal, locale: Locale) {
	const sites: (PlotDetails | BuildingDetails)[] = [];
	let withdrawn = 0;
	for (const s of p.sites) {
		const d = await getFeatureDetails(db, s.kind === 'plot' ? 'plots' : 'buildings', s.code);
		if (d && (d.layer === 'plots' || d.layer === 'buildings')) sites.push(d);
		else withdrawn++;
	}
	const parkCodes = [...new Set(sites.map((s) => s.park?.code).filter((c): c is string => Boolean(c)))];
	const parks: ParkDetails[] = [];
	for (const code of parkCodes) {
		const d = await getFeatureDetails(db, 'parks', code);
		if (d?.layer === 'parks') parks.push(d);
	}
	const tour = p.tourId === null ? null : await publicTour(db, p.tourId, locale);
	return { sites, withdrawn, parks, tour, itinerary: tour ? await tourItinerary(db, tour) : null };
}
