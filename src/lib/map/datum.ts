/**
 * The datum the map is displayed in. SiteAtlas stores WGS 84 / CGCS2000; a basemap drawn in
 * GCJ-02 (AMap, Tencent) is offset from it by a few hundred metres, so everything SiteAtlas
 * puts on such a map is moved into GCJ-02 (its tiles by the server, `?datum=gcj02`; its own
 * GeoJSON overlays, markers and views here), and every position the user gives on the map —
 * a click, a drawn shape — is moved back before it is used or stored. With a WGS 84 basemap
 * all of this is the identity.
 */
import gcoord from 'gcoord';
import type { Geometry, Position } from 'geojson';
import type { Datum } from '../domain/basemap';

let current: Datum = 'wgs84';

/** Set once by the page's map from the site settings. */
export function setDisplayDatum(d: Datum): void {
	current = d;
}

export function displayDatum(): Datum {
	return current;
}

type GeoJsonLike = Geometry | { type: 'Feature' | 'FeatureCollection' };

/** A stored (WGS 84) geometry, feature or collection as the map shows it; a copy, the input is untouched. */
export function toDisplay<T extends GeoJsonLike>(g: T): T {
	if (current === 'wgs84') return g;
	return gcoord.transform(structuredClone(g) as never, gcoord.WGS84, gcoord.GCJ02) as T;
}

/** A geometry drawn on the map, as it is stored (WGS 84). */
export function fromDisplay<T extends GeoJsonLike>(g: T): T {
	if (current === 'wgs84') return g;
	return gcoord.transform(structuredClone(g) as never, gcoord.GCJ02, gcoord.WGS84) as T;
}

export function toDisplayPoint(p: Position): [number, number] {
	if (current === 'wgs84') return [p[0], p[1]];
	return gcoord.transform([p[0], p[1]], gcoord.WGS84, gcoord.GCJ02) as [number, number];
}

export function fromDisplayPoint(p: Position): [number, number] {
	if (current === 'wgs84') return [p[0], p[1]];
	return gcoord.transform([p[0], p[1]], gcoord.GCJ02, gcoord.WGS84) as [number, number];
}

/** A [west, south, east, north] box moved like its corners (the offset barely changes across a zone). */
export function bboxToDisplay(b: [number, number, number, number]): [number, number, number, number] {
	const [w, s] = toDisplayPoint([b[0], b[1]]);
	const [e, n] = toDisplayPoint([b[2], b[3]]);
	return [w, s, e, n];
}

export function bboxFromDisplay(b: [number, number, number, number]): [number, number, number, number] {
	const [w, s] = fromDisplayPoint([b[0], b[1]]);
	const [e, n] = fromDisplayPoint([b[2], b[3]]);
	return [w, s, e, n];
}

/** The query string that asks the tile server for tiles in the display datum. */
export const tileDatumQuery = (d: Datum): string => (d === 'gcj02' ? '?datum=gcj02' : '');
