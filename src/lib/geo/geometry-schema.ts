/**
 * The one GeoJSON geometry check shared by every route that takes a geometry: the type, the
 * nesting depth of `coordinates` for that type, closed rings of at least four positions,
 * finite coordinates in longitude/latitude range (EPSG:4326) and a vertex cap. It walks the
 * structure the type prescribes, never recursing into whatever depth a request sends, and
 * returns a clean 2-D geometry (extra members and third coordinates dropped) for PostGIS.
 *
 * Problems carry an i18n key (`geometry.*`) and an English sentence that says what to fix.
 */
import { z } from 'zod';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Vertices a plot or park boundary may have. */
export const MAX_BOUNDARY_VERTICES = 5000;

export type GeometryProblemKey =
	| 'geometry.not_polygon'
	| 'geometry.bad_nesting'
	| 'geometry.bad_coordinate'
	| 'geometry.out_of_range'
	| 'geometry.ring_too_short'
	| 'geometry.ring_not_closed'
	| 'geometry.too_many_vertices'
	| 'geometry.empty';

export interface GeometryIssue {
	key: GeometryProblemKey;
	message: string;
}

class Refused extends Error {
	constructor(readonly issue: GeometryIssue) {
		super(issue.message);
	}
}

const refuse = (key: GeometryProblemKey, message: string): never => {
	throw new Refused({ key, message });
};

function position(p: unknown, where: string): Position {
	if (!Array.isArray(p) || p.length < 2 || p.length > 3) {
		return refuse(
			'geometry.bad_nesting',
			`${where} must be a position [longitude, latitude]; the coordinates are nested too deep or too shallow for the geometry type.`
		);
	}
	for (const v of p) {
		if (typeof v !== 'number' || !Number.isFinite(v))
			return refuse('geometry.bad_coordinate', `${where} holds ${JSON.stringify(v) ?? String(v)}, not a number.`);
	}
	const [lon, lat] = p as number[];
	if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
		return refuse('geometry.out_of_range', `${where} is ${lon}, ${lat}: not a longitude and latitude in EPSG:4326 — was the file in another CRS?`);
	}
	return [lon, lat];
}

function ring(r: unknown, where: string, budget: { left: number }): Position[] {
	if (!Array.isArray(r)) return refuse('geometry.bad_nesting', `${where} must be an array of positions.`);
	budget.left -= r.length;
	if (budget.left < 0) return refuse('geometry.too_many_vertices', `The geometry has more than ${MAX_BOUNDARY_VERTICES} vertices; simplify it first.`);
	const out = r.map((p, i) => position(p, `${where}, position ${i + 1}`));
	if (out.length < 4)
		return refuse('geometry.ring_too_short', `${where} has ${out.length} positions; a ring needs at least 4 (the first repeated at the end).`);
	const [a, b] = [out[0], out[out.length - 1]];
	if (a[0] !== b[0] || a[1] !== b[1]) return refuse('geometry.ring_not_closed', `${where} is not closed: its last position must repeat its first.`);
	return out;
}

function polygon(rings: unknown, where: string, budget: { left: number }): Position[][] {
	if (!Array.isArray(rings) || rings.length === 0) return refuse('geometry.bad_nesting', `${where} must be an array of rings (the outline, then any holes).`);
	return rings.map((r, i) => ring(r, `${where}, ring ${i + 1}`, budget));
}

/** Checks a Polygon or MultiPolygon; returns it cleaned, or the first problem found. */
export function checkPolygonal(g: unknown, maxVertices = MAX_BOUNDARY_VERTICES): { geometry: Polygon | MultiPolygon } | { issue: GeometryIssue } {
	try {
		if (typeof g !== 'object' || g === null || Array.isArray(g))
			return refuse('geometry.not_polygon', 'Send the geometry as a GeoJSON object {"type": "Polygon" | "MultiPolygon", "coordinates": […]}.');
		const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
		const budget = { left: maxVertices };
		if (type === 'Polygon') return { geometry: { type, coordinates: polygon(coordinates, 'The polygon', budget) } };
		if (type === 'MultiPolygon') {
			if (!Array.isArray(coordinates) || coordinates.length === 0) return refuse('geometry.empty', 'A MultiPolygon needs at least one polygon.');
			return { geometry: { type, coordinates: coordinates.map((p, i) => polygon(p, `Part ${i + 1}`, budget)) } };
		}
		return refuse(
			'geometry.not_polygon',
			`A boundary must be a Polygon or MultiPolygon, not ${typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : 'that'}.`
		);
	} catch (e) {
		if (e instanceof Refused) return { issue: e.issue };
		throw e;
	}
}

/** A zod schema for a boundary: Polygon or MultiPolygon, checked and cleaned by `checkPolygonal`. */
export const polygonalGeometry = z.unknown().transform((g, ctx): Polygon | MultiPolygon => {
	const r = checkPolygonal(g);
	if ('issue' in r) {
		ctx.addIssue({ code: 'custom', message: r.issue.key, params: { detail: r.issue.message } });
		return z.NEVER;
	}
	return r.geometry;
});

/** A point as [longitude, latitude] in EPSG:4326. */
const degrees = (limit: number) =>
	z.number({ message: 'geometry.bad_coordinate' }).min(-limit, { message: 'geometry.out_of_range' }).max(limit, { message: 'geometry.out_of_range' });
export const lonLat = z.tuple([degrees(180), degrees(90)], { message: 'geometry.bad_nesting' });
