import type { Position } from 'geojson';

/**
 * A local east/north frame in metres around an origin, for laying out shapes at
 * city scale (a few km), where an equirectangular approximation is well under
 * a metre off. Not for distances over tens of kilometres: use turf for those.
 */
export interface LocalFrame {
	/** Metres east/north of the origin → [lon, lat]. */
	toLonLat(xM: number, yM: number): Position;
	/** [lon, lat] → metres east/north of the origin. */
	toLocal(lonLat: Position): [number, number];
}

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQUATOR = 111_320;

export function localFrame(origin: Position, rotationDeg = 0): LocalFrame {
	const [lon0, lat0] = origin;
	const mPerDegLon = M_PER_DEG_LON_EQUATOR * Math.cos((lat0 * Math.PI) / 180);
	const a = (rotationDeg * Math.PI) / 180;
	const cos = Math.cos(a);
	const sin = Math.sin(a);
	return {
		toLonLat(x, y) {
			const xr = x * cos - y * sin;
			const yr = x * sin + y * cos;
			return [round7(lon0 + xr / mPerDegLon), round7(lat0 + yr / M_PER_DEG_LAT)];
		},
		toLocal([lon, lat]) {
			const xr = (lon - lon0) * mPerDegLon;
			const yr = (lat - lat0) * M_PER_DEG_LAT;
			return [xr * cos + yr * sin, -xr * sin + yr * cos];
		}
	};
}

/** Seven decimals of a degree is about 1 cm: plenty for survey-grade plots. */
function round7(v: number): number {
	return Math.round(v * 1e7) / 1e7;
}

/** Closes a ring (first point repeated at the end) if it is open. */
export function closeRing(ring: Position[]): Position[] {
	const first = ring[0];
	const last = ring[ring.length - 1];
	return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
}
