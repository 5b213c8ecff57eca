/**
 * KML 2.2 for Google Earth and 奥维: one Placemark per record named by its title field, every
 * field as ExtendedData (the label as displayName), polygons with their holes.
 */
import type { Geometry, Position } from 'geojson';
import { escapeXml } from '../../../domain/markup';
import { textOf, type ExportTable } from '../table';

const coords = (ring: Position[]) => ring.map((p) => `${p[0]},${p[1]}`).join(' ');
const polygon = (rings: Position[][]) =>
	`<Polygon><outerBoundaryIs><LinearRing><coordinates>${coords(rings[0])}</coordinates></LinearRing></outerBoundaryIs>${rings
		.slice(1)
		.map((r) => `<innerBoundaryIs><LinearRing><coordinates>${coords(r)}</coordinates></LinearRing></innerBoundaryIs>`)
		.join('')}</Polygon>`;

function geometryKml(g: Geometry): string {
	switch (g.type) {
		case 'Point':
			return `<Point><coordinates>${g.coordinates[0]},${g.coordinates[1]}</coordinates></Point>`;
		case 'LineString':
			return `<LineString><coordinates>${coords(g.coordinates)}</coordinates></LineString>`;
		case 'MultiLineString':
			return `<MultiGeometry>${g.coordinates.map((l) => `<LineString><coordinates>${coords(l)}</coordinates></LineString>`).join('')}</MultiGeometry>`;
		case 'Polygon':
			return polygon(g.coordinates);
		case 'MultiPolygon':
			return g.coordinates.length === 1 ? polygon(g.coordinates[0]) : `<MultiGeometry>${g.coordinates.map(polygon).join('')}</MultiGeometry>`;
		default:
			return '';
	}
}

/** KML readers take a field called name or description for the placemark's own: such a field is written as name_ / description_. */
const dataName = (key: string) => (/^(name|description)$/i.test(key) ? `${key}_` : key);

export function writeKml(t: ExportTable, nameField: string): Uint8Array {
	const marks = t.rows.map((r) => {
		const data = t.fields
			.map(
				(f) =>
					`<Data name="${escapeXml(dataName(f.key))}"><displayName>${escapeXml(f.label)}</displayName><value>${escapeXml(textOf(r.values[f.key] ?? null))}</value></Data>`
			)
			.join('');
		return `<Placemark><name>${escapeXml(textOf(r.values[nameField] ?? null))}</name><ExtendedData>${data}</ExtendedData>${r.geometry ? geometryKml(r.geometry) : ''}</Placemark>`;
	});
	const doc = `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${escapeXml(t.title)}</name><Folder><name>${escapeXml(
		t.title
	)}</name>${marks.join('\n')}</Folder></Document></kml>\n`;
	return new TextEncoder().encode(doc);
}
