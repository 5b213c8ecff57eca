/** What the administration suites draw and type: the zone's fixture geometry, and a new plot as the console sends it. */
import { readFileSync } from 'node:fs';
import type { Geometry, Position } from 'geojson';
import { blankPlotAttributes, plotCreateSchema } from '../../src/lib/domain/edit-schemas';

export const G = JSON.parse(readFileSync('tests/fixtures/admin/zone.json', 'utf8')) as Record<string, Geometry> & {
	facility: Position;
	road: { coordinates: Position[] };
};

/** A new, available, serviced industrial plot; `extra` overrides any attribute. */
export const newPlot = (code: string, boundary: Geometry, extra: Record<string, unknown> = {}) =>
	plotCreateSchema.parse({
		...blankPlotAttributes(),
		code,
		boundary,
		priceWanPerMu: 18,
		readiness: 'serviced',
		readinessItems: ['road'],
		published: true,
		...extra
	});
