/**
 * What to offer when a search finds nothing: for each criterion the investor set, how many
 * sites the search finds without it (a distance is widened to the nearest fitting site
 * instead), best first — so the finder says which criterion excluded the most and links the
 * widened search. Every variant is an ordinary search, answered once per data version.
 */
import type { Database } from '../db/client';
import { finderParams, type FinderQuery } from '../../domain/finder';
import { relaxations, widenedKm, type Relaxable } from '../../domain/finder-relax';
import { findSites } from './index';

export interface EmptyAdvice {
	criterion: Relaxable;
	/** Sites the search finds with this criterion relaxed. */
	total: number;
	/** The relaxed search's address (the finder's query string). */
	query: string;
	/** Distance only: how far the nearest fitting site is from the facility, and the radius offered. */
	nearestKm?: number;
	withinKm?: number;
}

/** At most this many criteria are offered (the distance, when asked, always among them). */
const OFFERS = 4;

export async function adviseEmpty(db: Database, q: FinderQuery): Promise<EmptyAdvice[]> {
	const out: EmptyAdvice[] = [];
	for (const r of relaxations(q)) {
		const found = await findSites(db, r.query);
		if (found.total === 0) continue;
		if (r.criterion === 'distance' && found.nearestKm !== null) {
			const withinKm = widenedKm(found.nearestKm, q.withinKm);
			const widened = { ...r.query, withinKm };
			const total = (await findSites(db, widened)).total;
			out.push({ criterion: 'distance', total, query: finderParams(widened).toString(), nearestKm: Math.round(found.nearestKm * 10) / 10, withinKm });
		} else out.push({ criterion: r.criterion, total: found.total, query: finderParams(r.query).toString() });
	}
	out.sort((a, b) => Number(b.criterion === 'distance') - Number(a.criterion === 'distance') || b.total - a.total);
	return out.slice(0, OFFERS);
}
