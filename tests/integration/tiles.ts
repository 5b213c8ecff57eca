import { VectorTile, type VectorTileLayer } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';

/** The XYZ tile containing a point. */
export function tileOf(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
	const n = 2 ** z;
	const r = (lat * Math.PI) / 180;
	return {
		z,
		x: Math.floor(((lon + 180) / 360) * n),
		y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)
	};
}

/** Every tile at zoom z that covers a bbox. */
export function tilesCovering([w, s, e, n]: [number, number, number, number], z: number) {
	const a = tileOf(w, n, z);
	const b = tileOf(e, s, z);
	const out: { z: number; x: number; y: number }[] = [];
	for (let x = a.x; x <= b.x; x++) for (let y = a.y; y <= b.y; y++) out.push({ z, x, y });
	return out;
}

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
