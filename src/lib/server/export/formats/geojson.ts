/** GeoJSON (RFC 7946): a FeatureCollection in longitude/latitude, properties by field key. */
import type { ExportTable } from '../table';

export function writeGeoJson(t: ExportTable): Uint8Array {
	const features = t.rows.map((r) => ({
		type: 'Feature',
		geometry: r.geometry,
		properties: Object.fromEntries(t.fields.map((f) => [f.key, r.values[f.key] ?? null]))
	}));
	return new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', name: t.name, features }));
}
