import { VectorTile, type VectorTileLayer } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

export { tileOf, tilesCovering } from '../../src/lib/geo/tiles';

export function decode(body: Uint8Array, layer: string): VectorTileLayer | undefined {
	return new VectorTile(new PbfReader(body)).layers[layer];
}

/** A comparable form of a decoded layer: features by id with type, properties and integer geometry. */
export function canonical(layer: VectorTileLayer | undefined) {
	if (!layer) return [];
	const out = [];
	for (let i = 0; i < layer.length; i++) {
		const f = layer.feature(i);
		out.push({ id: f.id, type: f.type, properties: f.properties, geometry: f.loadGeometry().map((r) => r.map((p) => [p.x, p.y])) });
	}
	return out.sort((a, b) => Number(a.id) - Number(b.id));
}
