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
