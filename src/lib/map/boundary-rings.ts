/**
 * A plot boundary as the editor handles it: terra-draw edits simple polygons only (no holes),
 * so a Polygon or MultiPolygon is taken apart into rings — each part's outline and each of
 * its holes — and put together again on save. Pure functions, unit-tested.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

export type RingRole = 'outer' | 'hole';

export interface BoundaryRing {
	role: RingRole;
	/** A closed ring: first position repeated last. */
	coordinates: Position[];
}

/** The rings of a boundary: per part its outline, then its holes. */
export function ringsOf(g: Geometry): BoundaryRing[] {
	const parts = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
	return parts.flatMap((rings) => rings.map((coordinates, i) => ({ role: i === 0 ? ('outer' as const) : ('hole' as const), coordinates })));
}

export type Assembled = { geometry: Polygon | MultiPolygon } | { error: 'no_part' | 'hole_outside' };

/**
 * Puts rings together: each hole goes into the part whose outline contains it (by its first
 * vertex). One part gives a Polygon, more a MultiPolygon. A hole inside no part is an error,
 * as is a boundary without any part.
 */
export function assemble(rings: BoundaryRing[]): Assembled {
	const outers = rings.filter((r) => r.role === 'outer');
	if (outers.length === 0) return { error: 'no_part' };
	const parts: Position[][][] = outers.map((o) => [o.coordinates]);
	for (const hole of rings.filter((r) => r.role === 'hole')) {
		const i = outers.findIndex((o) => booleanPointInPolygon(hole.coordinates[0], { type: 'Polygon', coordinates: [o.coordinates] }));
		if (i < 0) return { error: 'hole_outside' };
		parts[i].push(hole.coordinates);
	}
	return { geometry: parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts } };
}
