/** A tour as staff edit it, validated alike by the editor's API calls and the server. */
import { z } from 'zod';
import { isoDate, requiredText, text } from './input';
import { lonLat } from '../geo/geometry-schema';
import type { Position } from 'geojson';
import type { Sketch } from '../geo/sketch';
import type { BuildingDetails, FacilityDetails, PlotDetails } from './site-details';

export const TOUR_SITE_KINDS = ['plot', 'building', 'facility', 'point'] as const;
export type TourSiteKind = (typeof TOUR_SITE_KINDS)[number];
export const MAX_TOUR_STOPS = 30;

export const tourStopSchema = z.object({
	siteKind: z.enum(TOUR_SITE_KINDS),
	code: z
		.string()
		.regex(/^[A-Za-z0-9_-]{1,64}$/)
		.nullable(),
	location: lonLat,
	label: requiredText(200),
	dwellMin: z.number().int().min(0).max(600),
	notes: text(1000, { multiline: true }).default(''),
	/** Who receives the delegation there; the site's park contact is shown when empty. */
	contact: text(200).default('')
});

const tourFields = z.object({
	title: requiredText(200),
	delegationOrg: text(200).default(''),
	delegationSize: z.number().int().positive().max(10_000).nullable().default(null),
	delegationContact: text(200).default(''),
	tourDate: isoDate().nullable().default(null),
	startTime: z
		.string()
		.regex(/^([01]\d|2[0-3]):[0-5]\d$/)
		.default('09:00'),
	/** Lunch after the stop at this 0-based position, or none. */
	lunchAfterStop: z.number().int().min(0).nullable().default(null),
	lunchMin: z.number().int().min(0).max(240).default(60),
	stops: z.array(tourStopSchema).min(2).max(MAX_TOUR_STOPS)
});

const lunchInRange = {
	check: (t: { lunchAfterStop: number | null; stops: unknown[] }) => t.lunchAfterStop === null || t.lunchAfterStop < t.stops.length - 1,
	params: { path: ['lunchAfterStop'], message: 'Lunch must come after a stop before the end point.' }
};

export const tourSchema = tourFields.refine(lunchInRange.check, lunchInRange.params);
/** What routing and the timetable need: a tour being drafted may not have a title yet. */
export const tourPlanSchema = tourFields
	.pick({ startTime: true, lunchAfterStop: true, lunchMin: true, stops: true })
	.refine(lunchInRange.check, lunchInRange.params);
/** A saved tour's update carries the version it was read at (a stale one gets 409). */
export const tourUpdateSchema = tourFields.extend({ version: z.number().int().positive() }).refine(lunchInRange.check, lunchInRange.params);

export type TourInput = z.infer<typeof tourSchema>;
export type TourStop = TourInput['stops'][number];

/** One leg of a planned route: distance, driving time and the `route` vertices it covers. */
export interface PlannedLeg {
	distanceM: number;
	durationS: number;
	from: number;
	to: number;
}

/** A tour's route and timetable, as previewed in the editor and stored with a saved tour. */
export interface TourPlan {
	route: Position[];
	legs: PlannedLeg[];
	distanceM: number;
	durationS: number;
	/** No road data: straight legs × detourFactor at a fixed speed. */
	estimated: boolean;
	detourFactor: number | null;
	/** "09:30" per stop. */
	times: { arrival: string; departure: string }[];
	endTime: string;
}

export interface SavedTour extends TourInput, TourPlan {
	id: number;
	version: number;
	shareToken: string | null;
	shareExpiresAt: string | null;
	updatedAt: string;
}

/** Why a route could not be planned, naming the stop (0-based) where it can. */
export interface PlanProblem {
	error: 'far_from_road' | 'no_path' | 'past_midnight' | 'invalid_input';
	message: string;
	stop?: number;
	distanceM?: number;
}

/** A stop as the itinerary shows it: the published site's facts, a photo or a sketch, who receives the delegation. */
export interface ItineraryStop {
	details: PlotDetails | BuildingDetails | FacilityDetails | null;
	photoId: number | null;
	sketch: Sketch | null;
	/** The stop's own contact, or the park's public one. */
	contact: { text: string; fromPark: boolean } | null;
}

export interface TourOverview extends Sketch {
	arrows: { x: number; y: number; angle: number }[];
}

export interface Itinerary {
	stops: ItineraryStop[];
	overview: TourOverview;
}
