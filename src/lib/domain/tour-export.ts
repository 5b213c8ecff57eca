/**
 * A tour as GPX, KML and GeoJSON: the numbered stops as points (name, arrival time, notes)
 * and the driven route as one line. Text is escaped for XML; coordinates keep 6 decimals
 * (about 10 cm).
 */
import type { FeatureCollection, Position } from 'geojson';
import { escapeXml } from './markup';

export interface ExportStop {
	label: string;
	location: Position;
	/** "09:30" */
	arrival: string;
	notes: string;
}

export interface ExportTour {
	title: string;
	/** ISO date of the tour, or null. */
	date: string | null;
	stops: ExportStop[];
	route: Position[];
}

/** The formats a tour downloads in, with their names as their makers write them. */
export const TOUR_EXPORT_FORMATS = [
	{ ext: 'gpx', name: 'GPX' },
	{ ext: 'kml', name: 'KML' },
	{ ext: 'geojson', name: 'GeoJSON' }
] as const;

const c6 = (v: number) => v.toFixed(6);

export function tourToGeoJSON(t: ExportTour): FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: [
			...t.stops.map((s, i) => ({
				type: 'Feature' as const,
				properties: { seq: i + 1, name: s.label, arrival: s.arrival, notes: s.notes },
				geometry: { type: 'Point' as const, coordinates: [Number(c6(s.location[0])), Number(c6(s.location[1]))] }
			})),
			{
				type: 'Feature' as const,
				properties: { name: t.title, date: t.date },
				geometry: { type: 'LineString' as const, coordinates: t.route.map((p) => [Number(c6(p[0])), Number(c6(p[1]))]) }
			}
		]
	};
}

export function tourToGPX(t: ExportTour): string {
	const wpts = t.stops
		.map(
			(s, i) =>
				`  <wpt lat="${c6(s.location[1])}" lon="${c6(s.location[0])}"><name>${i + 1}. ${escapeXml(s.label)}</name><desc>${escapeXml(`${s.arrival} ${s.notes}`.trim())}</desc></wpt>`
		)
		.join('\n');
	const trkpts = t.route.map((p) => `      <trkpt lat="${c6(p[1])}" lon="${c6(p[0])}"/>`).join('\n');
	return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="SiteAtlas" xmlns="http://www.topografix.com/GPX/1/1">
  <metadata><name>${escapeXml(t.title)}</name>${t.date ? `<time>${t.date}T00:00:00Z</time>` : ''}</metadata>
${wpts}
  <trk><name>${escapeXml(t.title)}</name>
    <trkseg>
${trkpts}
    </trkseg>
  </trk>
</gpx>
`;
}

export function tourToKML(t: ExportTour): string {
	const marks = t.stops
		.map(
			(s, i) =>
				`    <Placemark><name>${i + 1}. ${escapeXml(s.label)}</name><description>${escapeXml(`${s.arrival} ${s.notes}`.trim())}</description><Point><coordinates>${c6(s.location[0])},${c6(s.location[1])}</coordinates></Point></Placemark>`
		)
		.join('\n');
	const line = t.route.map((p) => `${c6(p[0])},${c6(p[1])}`).join(' ');
	return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
  <Document>
    <name>${escapeXml(t.title)}</name>
${marks}
    <Placemark><name>${escapeXml(t.title)}</name><LineString><coordinates>${line}</coordinates></LineString></Placemark>
  </Document>
</kml>
`;
}
