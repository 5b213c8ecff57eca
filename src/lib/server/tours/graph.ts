/**
 * The road graph for tour routing, built from the `roads` table and kept while the roads
 * layer's data version stays the same (any road edit bumps it), and the tour plan built on it.
 */
import { sql } from 'drizzle-orm';
import type { Position } from 'geojson';
import type { Database } from '../db/client';
import { buildGraph, routeStops, RouteError, timeMatrix, type RoadGraph, type Route } from '../../geo/routing';
import { optimiseOrder } from '../../domain/tour-order';
import { ScheduleError } from '../../domain/schedule';
import { planOf } from '../../domain/tour-plan';
import type { PlanProblem, TourInput, TourPlan } from '../../domain/tour-schema';

const cache = new WeakMap<object, { version: number; graph: RoadGraph }>();

export async function roadGraph(db: Database): Promise<RoadGraph> {
	const [v] = await db.rows<{ version: number }>(sql`select version from layer_versions where layer = 'roads'`);
	const version = Number(v?.version ?? 0);
	const hit = cache.get(db);
	if (hit && hit.version === version) return hit.graph;
	const rows = await db.rows<{ id: number; geom: string; speed_kmh: number; oneway: boolean }>(
		sql`select id, ST_AsGeoJSON(geom, 7) as geom, speed_kmh, oneway from roads order by id`
	);
	const graph = buildGraph(
		rows.map((r) => ({ id: Number(r.id), coordinates: JSON.parse(r.geom).coordinates as Position[], speedKmh: Number(r.speed_kmh), oneway: Boolean(r.oneway) }))
	);
	cache.set(db, { version, graph });
	return graph;
}

export async function routeTour(db: Database, stops: Position[]): Promise<Route> {
	return routeStops(await roadGraph(db), stops);
}

/** A tour that cannot be routed or timed; the problem names the stop where it can (→ HTTP 400). */
export class TourPlanError extends Error {
	constructor(readonly problem: PlanProblem) {
		super(problem.message);
	}
}

function asPlanError(e: unknown): unknown {
	if (e instanceof RouteError && e.code !== 'too_few_stops') {
		return new TourPlanError({ error: e.code, message: e.message, stop: e.stopIndex, distanceM: e.distanceM ?? undefined });
	}
	if (e instanceof RouteError || e instanceof ScheduleError) {
		return new TourPlanError({ error: e.code === 'past_midnight' ? 'past_midnight' : 'invalid_input', message: e.message });
	}
	return e;
}

/** The route through a tour's stops on the road network, and its timetable. */
export async function planTour(db: Database, tour: Pick<TourInput, 'startTime' | 'stops' | 'lunchAfterStop' | 'lunchMin'>): Promise<TourPlan> {
	try {
		return planOf(
			tour,
			await routeTour(
				db,
				tour.stops.map((s) => s.location)
			)
		);
	} catch (e) {
		throw asPlanError(e);
	}
}

/** The order of stops with least driving time, first and last fixed. */
export async function optimiseTour(db: Database, stops: Position[]) {
	try {
		return optimiseOrder(timeMatrix(await roadGraph(db), stops));
	} catch (e) {
		throw asPlanError(e);
	}
}
