/**
 * How many degrees a distance on the ground spans, at a latitude: for the boxes that let a
 * GiST index find candidates before the exact metric test (ST_DWithin on the geography).
 * Spherical, slightly generous (a degree of latitude is at least 110,574 m; a degree of
 * longitude is taken at the latitude furthest from the equator the box can reach), so a box
 * never misses what the metric test would keep — at 37°N as at 65°N.
 */
const M_PER_DEG_LAT_MIN = 110_574;
const M_PER_DEG_LON_EQUATOR = 111_320;
/** A degree of longitude is never taken as shorter than at this latitude (the box would span the globe). */
const MAX_LAT = 89;

/** Degrees of latitude and longitude covering `metres` either side of latitude `lat`. */
export function degreesSpanning(metres: number, lat: number): { dLat: number; dLon: number } {
	const dLat = (metres / M_PER_DEG_LAT_MIN) * 1.01;
	const far = Math.min(MAX_LAT, Math.abs(lat) + dLat);
	const dLon = (metres / (M_PER_DEG_LON_EQUATOR * Math.cos((far * Math.PI) / 180))) * 1.01;
	return { dLat, dLon: Math.min(dLon, 360) };
}
