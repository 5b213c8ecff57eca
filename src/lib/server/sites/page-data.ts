/** Everything a public site page shows, loaded in one place for the plot, building and park routes. */
import { error } from '@sveltejs/kit';
import { getDatabase, readDatabase } from '../db';
import { getFeatureDetails } from './details';
import { nearbyFacilities, parkSites, siteSketch, unitsToLet } from './pages';
import { siteViews } from '../enquiries/views';
import { publicAnswers } from '../cache/versioned';
import type { Database } from '../db/client';
import { taxonomyLists } from '../search/taxonomy';
import { freshness } from '../config';
import { listPhotos } from '../photos';

const CODE = /^[A-Za-z0-9_-]{1,64}$/;

export async function sitePageData(kind: 'plot' | 'building' | 'park', code: string, locals: { user?: unknown } = {}) {
	if (!CODE.test(code)) error(404, { message: `No ${kind} "${code}".` });
	const db = await readDatabase(locals);
	const page = await publicAnswers.get(db, `site/${kind}/${code}`, () => load(db, kind, code));
	if (!page) error(404, { message: `No published ${kind} "${code}".` });
	// A page view feeds the demand heat map; counted in memory and written in batches.
	siteViews.count(await getDatabase(), kind, code);
	return page;
}

async function load(db: Database, kind: 'plot' | 'building' | 'park', code: string) {
	const table = `${kind}s` as 'plots' | 'buildings' | 'parks';
	const details = await getFeatureDetails(db, table, code);
	if (!details) return null;
	const [nearby, sketch, units, sites, taxonomy, photos] = await Promise.all([
		nearbyFacilities(db, table, code),
		siteSketch(db, table, code),
		kind === 'building' ? unitsToLet(db, code) : Promise.resolve([]),
		kind === 'park' ? parkSites(db, code) : Promise.resolve([]),
		taxonomyLists(db),
		listPhotos(db, kind, code)
	]);
	return { kind, details, nearby, sketch, units, sites, photos, industries: taxonomy.industries, staleAfterDays: freshness().staleAfterDays };
}
