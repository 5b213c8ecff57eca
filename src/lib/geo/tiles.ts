/** XYZ (slippy-map) tile arithmetic in Web Mercator. */

export interface TileXYZ {
	z: number;
	x: number;
	y: number;
}

/** The tile at zoom z containing [lon, lat]. */
export function tileOf(lon: number, lat: number, z: number): TileXYZ {
	const n = 2 ** z;
	const r = (lat * Math.PI) / 180;
	const x = Math.floor(((lon + 180) / 360) * n);
	const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
	return { z, x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

/** Every tile at zoom z that covers a [west, south, east, north] box. */
export function tilesCovering([w, s, e, n]: [number, number, number, number], z: number): TileXYZ[] {
	const a = tileOf(w, n, z);
	const b = tileOf(e, s, z);
	const out: TileXYZ[] = [];
	for (let x = a.x; x <= b.x; x++) for (let y = a.y; y <= b.y; y++) out.push({ z, x, y });
	return out;
}

const R = 6378137;
const HALF = Math.PI * R;
/** Web Mercator's latitude limit. */
const MAX_LAT = 85.05112878;

/** EPSG:3857 metres of a [lon, lat] (latitude clamped to Web Mercator's range). */
export function toMercator([lon, lat]: readonly number[]): [number, number] {
	const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
	return [(R * lon * Math.PI) / 180, R * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))];
}

/** [lon, lat] of EPSG:3857 metres. */
export function fromMercator([x, y]: readonly number[]): [number, number] {
	return [(x / R) * (180 / Math.PI), (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * (180 / Math.PI)];
}

/** Tile z/x/y grown by `margin` (a share of the tile's side), in EPSG:3857: xmin, ymin, xmax, ymax. */
export function tileMercatorBox(z: number, x: number, y: number, margin = 0): [number, number, number, number] {
	const size = (2 * HALF) / 2 ** z;
	const m = size * margin;
	const xmin = -HALF + x * size;
	const ymax = HALF - y * size;
	return [xmin - m, ymax - size - m, xmin + size + m, ymax + m];
}

/** The same box in EPSG:4326: west, south, east, north. */
export function tileLonLatBox(z: number, x: number, y: number, margin = 0): [number, number, number, number] {
	const [x0, y0, x1, y1] = tileMercatorBox(z, x, y, margin);
	const [w, s] = fromMercator([x0, Math.max(-HALF, y0)]);
	const [e, n] = fromMercator([x1, Math.min(HALF, y1)]);
	return [w, s, e, n];
}
