/**
 * The server's ST_AsMVT tiles and the JavaScript-encoded tiles must decode to the
 * same features. Both read the same SQL relation; this proves the encoders agree.
 * Runs where ST_AsMVT exists: on a PostgreSQL + PostGIS server (CI's second pass).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/client';
import { buildTile } from '../../src/lib/server/tiles/service';
import { LAYERS } from '../../src/lib/domain/vocab';
import { MODE, openTestDatabase } from './db';
import { canonical, decode, tileOf } from './tiles';

let db: Database;
beforeAll(async () => {
	db = await openTestDatabase();
});
afterAll(() => db?.close());

const PLACES: [number, number][] = [
	[118.5, 37.4],
	[118.585, 37.47],
	[118.645, 37.355],
	[118.76, 37.52],
	[118.72, 37.58]
];

describe.runIf(MODE === 'server')('ST_AsMVT and the JS encoder agree', () => {
	it('decode to the same features for every layer, at zooms 8 to 17', async () => {
		let compared = 0;
		for (const [lon, lat] of PLACES) {
			for (const z of [8, 10, 12, 14, 16, 17]) {
				for (const layer of LAYERS) {
					const a = { layer, ...tileOf(lon, lat, z) };
					const server = canonical(decode(await buildTile(db, a, 'postgis'), layer));
					const js = canonical(decode(await buildTile(db, a, 'js'), layer));
					expect(js, `${layer} ${a.z}/${a.x}/${a.y}`).toEqual(server);
					compared += server.length;
				}
			}
		}
		expect(compared).toBeGreaterThan(1000);
	});
});

describe.runIf(MODE === 'embedded')('PGlite has no ST_AsMVT', () => {
	it('so the embedded mode must use the JS encoder', async () => {
		await expect(buildTile(db, { layer: 'plots', ...tileOf(118.5, 37.4, 14) }, 'postgis')).rejects.toSatisfy((e: unknown) =>
			/protobuf/.test(String((e as { cause?: Error }).cause?.message ?? e))
		);
	});
});
