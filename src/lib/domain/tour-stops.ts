/**
 * Tour stops made from sites: a plot, a building or a facility picked on the map, from the
 * finder's results or the compare list ("plot:CODE" references), or a free point.
 */
import type { Position } from 'geojson';
import type { BuildingDetails, FacilityDetails, PlotDetails } from './site-details';
import { MAX_TOUR_STOPS, type TourSiteKind, type TourStop } from './tour-schema';

export type TourSiteRef = `${Exclude<TourSiteKind, 'point'>}:${string}`;

/** Minutes a delegation usually spends at each kind of stop; staff change them per stop. */
export const DEFAULT_DWELL_MIN: Record<TourSiteKind, number> = { plot: 20, building: 30, facility: 15, point: 15 };

/** Parses "plot:A,building:B,facility:C", keeping valid, distinct references in order. */
export function parseTourSiteRefs(raw: string | null, max = MAX_TOUR_STOPS): TourSiteRef[] {
	if (!raw) return [];
	const refs = raw
		.split(',')
		.map((s) => s.trim())
		.filter((s): s is TourSiteRef => /^(plot|building|facility):[A-Za-z0-9_-]{1,64}$/.test(s));
	return [...new Set(refs)].slice(0, max);
}

/** A facility the editor offers as a stop (hotels, the service centre …). */
export interface FacilityChoice {
	code: string;
	kind: string;
	nameZh: string;
	nameEn: string;
}

type SiteDetails = PlotDetails | BuildingDetails | FacilityDetails;

const KIND_OF = { plots: 'plot', buildings: 'building', facilities: 'facility' } as const;

/** A stop at a site, labelled in the editor's language (staff may rename it). */
export function stopFromDetails(d: SiteDetails, zh: boolean): TourStop {
	const kind = KIND_OF[d.layer];
	const label = d.layer === 'plots' ? `${d.code} · ${zh ? d.park.nameZh : d.park.nameEn}` : zh ? d.nameZh : d.nameEn;
	return { siteKind: kind, code: d.code, location: round(d.labelPoint), label, dwellMin: DEFAULT_DWELL_MIN[kind], notes: '', contact: '' };
}

export function freePoint(location: Position, label: string): TourStop {
	return { siteKind: 'point', code: null, location: round(location), label, dwellMin: DEFAULT_DWELL_MIN.point, notes: '', contact: '' };
}

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
const round = (p: Position): [number, number] => [r6(p[0]), r6(p[1])];

/** Moves the item at `from` to `to`, as a drag in the stop list does. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
	const out = [...list];
	const [item] = out.splice(from, 1);
	out.splice(Math.max(0, Math.min(out.length, to)), 0, item);
	return out;
}

/** The tour ends where it started. */
export function returnsToStart(stops: readonly TourStop[]): boolean {
	return stops.length >= 2 && samePlace(stops[0], stops[stops.length - 1]);
}

/** Stops added to a tour: before its end when it returns to its start, else at the end. */
export function withStops(stops: readonly TourStop[], added: readonly TourStop[]): TourStop[] {
	return returnsToStart(stops) ? [...stops.slice(0, -1), ...added, stops[stops.length - 1]] : [...stops, ...added];
}

/** The tour closed: its start once more as the end, with no stay there. */
export function closedLoop(stops: readonly TourStop[]): TourStop[] {
	const first = stops[0];
	if (!first || returnsToStart(stops)) return [...stops];
	return [...stops, { ...first, dwellMin: 0, notes: '', location: [first.location[0], first.location[1]] }];
}

/** The tour already visits this site (free points are never the same site). */
export function includesSite(stops: readonly TourStop[], stop: TourStop): boolean {
	return stop.code !== null && stops.some((x) => x.siteKind === stop.siteKind && x.code === stop.code);
}

/** Two stops at the same place (a tour that returns to where it started). */
export function samePlace(a: TourStop, b: TourStop): boolean {
	return a.siteKind === b.siteKind && a.code === b.code && Math.abs(a.location[0] - b.location[0]) < 1e-6 && Math.abs(a.location[1] - b.location[1]) < 1e-6;
}
