/** Format readers without a database: the streamed GeoJSON path reads what the parsed path reads. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readGeoJson } from '../../src/lib/server/import/formats/geojson';
import type { SourceFeature, SourceFile } from '../../src/lib/server/import/source';

async function all(source: SourceFile): Promise<SourceFeature[]> {
	const out: SourceFeature[] = [];
	for await (const f of source.features()) out.push(f);
	return out;
}

describe('GeoJSON reading', () => {
	it.each(['plots.geojson', 'legacy-crs-4528.geojson'])('streams %s feature by feature to the same features, CRS and columns', async (name) => {
		const bytes = new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
		const [parsed, streamed] = [await readGeoJson(bytes), await readGeoJson(bytes, 0)];
		expect(streamed.crs?.crs.code ?? null).toBe(parsed.crs?.crs.code ?? null);
		expect(streamed.columns).toEqual(parsed.columns);
		const [a, b] = [await all(parsed), await all(streamed)];
		expect(b.length).toBe(7);
		expect(b).toEqual(a);
		// Read twice (the importer's two passes) gives the same again.
		expect(await all(streamed)).toEqual(a);
	});
});
