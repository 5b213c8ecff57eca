/**
 * China's Gauss–Krüger zones in CGCS2000 and how to tell them from a file's numbers.
 *
 * - 3° zones 25–45: EPSG:4513–4533 carry the zone in the false easting (x_0 = zone × 10⁶ +
 *   500 000, so an easting of 40 376 118 m is zone 40), EPSG:4534–4554 ("CM 75E" … "CM 135E")
 *   do not. Central meridian = 3° × zone.
 * - 6° zones 13–23: EPSG:4491–4501 with the prefix, EPSG:4502–4512 without. CM = 6° × zone − 3°.
 *
 * Chinese surveying writes X for the northing and Y for the easting.
 */

export interface ZoneGuess {
	epsg: number;
	/** Why this zone: the easting's prefix, or the nearest central meridian to the park. */
	rule: 'zone_prefix' | 'nearest_meridian' | 'lonlat';
	zone?: number;
	centralMeridian?: number;
}

export const gk3Prefixed = (zone: number) => 4513 + zone - 25;
export const gk3Plain = (centralMeridian: number) => 4534 + (centralMeridian - 75) / 3;
export const gk6Prefixed = (zone: number) => 4491 + zone - 13;
export const gk6Plain = (centralMeridian: number) => 4502 + (centralMeridian - 75) / 6;

/** The zone number an easting carries in its leading digits (≥ 10⁷ m), or null. */
export function zonePrefix(easting: number): number | null {
	if (!(easting >= 1e7 && easting < 1e8)) return null;
	return Math.floor(easting / 1e6);
}

/** Eastings (without prefix) of a GK zone lie within ±~350 km of 500 000; northings in China within 1.5–6.1 × 10⁶. */
export const looksLikeNorthing = (v: number) => v >= 1.5e6 && v <= 6.2e6;
export const looksLikePlainEasting = (v: number) => v >= 1.3e5 && v <= 8.7e5;
export const looksLikeEasting = (v: number) => looksLikePlainEasting(v) || (zonePrefix(v) !== null && looksLikePlainEasting(v % 1e6));

/**
 * The CRS that a file without one most likely uses, from the extent of its x/y numbers
 * (x = easting) and the longitude of the park it goes into. Null when the numbers fit no
 * rule (the user must say which CRS).
 */
export function guessZone(bounds: [number, number, number, number], parkLongitude: number | null): ZoneGuess | null {
	const [minX, minY, maxX, maxY] = bounds;
	if (minX >= -180 && maxX <= 180 && minY >= -90 && maxY <= 90) return { epsg: 4490, rule: 'lonlat' };
	if (!looksLikeNorthing(minY) || !looksLikeNorthing(maxY)) return null;
	const zone = zonePrefix(minX);
	if (zone !== null && zone === zonePrefix(maxX)) {
		if (zone >= 25 && zone <= 45) return { epsg: gk3Prefixed(zone), rule: 'zone_prefix', zone, centralMeridian: zone * 3 };
		if (zone >= 13 && zone <= 23) return { epsg: gk6Prefixed(zone), rule: 'zone_prefix', zone, centralMeridian: zone * 6 - 3 };
		return null;
	}
	if (looksLikePlainEasting(minX) && looksLikePlainEasting(maxX) && parkLongitude !== null) {
		const cm = Math.min(135, Math.max(75, Math.round(parkLongitude / 3) * 3));
		return { epsg: gk3Plain(cm), rule: 'nearest_meridian', zone: cm / 3, centralMeridian: cm };
	}
	return null;
}

/**
 * Whether x/y columns were written the Chinese surveying way (X = northing, Y = easting):
 * the X values look like northings and the Y values like eastings.
 */
export function axesSwapped(bounds: [number, number, number, number]): boolean {
	const [minX, minY, maxX, maxY] = bounds;
	return (
		looksLikeNorthing(minX) &&
		looksLikeNorthing(maxX) &&
		looksLikeEasting(minY) &&
		looksLikeEasting(maxY) &&
		!(looksLikeNorthing(minY) && looksLikeNorthing(maxY))
	);
}
