import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { tileJson, qgisConnection, TILE_FIELDS } from '../../src/lib/server/tiles/tilejson';
import { offlineStyle } from '../../src/lib/map/style';
import { LAYERS } from '../../src/lib/domain/vocab';

const schema = JSON.parse(readFileSync('tests/fixtures/ogc/tilejson-3.0.0.schema.json', 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

describe('vector tiles for other clients', () => {
	it('describes each layer and the composite as valid TileJSON 3.0.0, every layer with its fields', () => {
		for (const layer of [...LAYERS, 'all'] as const) {
			const doc = tileJson('https://atlas.example', layer, [118.4, 37.3, 118.8, 37.6]);
			expect(validate(doc), `${layer}: ${JSON.stringify(validate.errors)}`).toBe(true);
			for (const v of doc.vector_layers) expect(Object.keys(v.fields).length).toBeGreaterThan(0);
		}
		expect(tileJson('https://atlas.example', 'all', null).vector_layers.map((v) => v.id)).toEqual([...LAYERS, 'plot_cells']);
		expect(tileJson('https://atlas.example', 'plots', null).vector_layers.map((v) => [v.id, v.minzoom])).toEqual([
			['plots', 10],
			['plot_cells', 5]
		]);
		expect(tileJson('https://atlas.example', 'plots', null).tiles).toEqual(['https://atlas.example/tiles/plots/{z}/{x}/{y}.mvt']);
		expect(Object.keys(TILE_FIELDS.plots)).toContain('status');
	});
	it('offers a MapLibre style that the style specification accepts', () => {
		expect(validateStyleMin(offlineStyle('https://atlas.example', 'Natural Earth'))).toEqual([]);
	});
	it('writes a QGIS connection with the XYZ address and the style URL, escaped', () => {
		const x = qgisConnection('https://atlas.example', 'Zone <A> & "B"');
		expect(x).toContain('url="https://atlas.example/tiles/all/{z}/{x}/{y}.mvt"');
		expect(x).toContain('styleUrl="https://atlas.example/styles/siteatlas.json"');
		expect(x).toContain('name="Zone &lt;A&gt; &amp; &quot;B&quot;"');
	});
});
