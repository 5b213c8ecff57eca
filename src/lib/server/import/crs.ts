/**
 * Coordinate systems of imported files: looked up by EPSG code in `epsg-index` (one small
 * JSON file per code, never the whole 8 MB list), read from a `.prj`/WKT (its EPSG authority
 * when it names one, else the WKT itself through proj4), and turned into one function
 * from the file's x/y to longitude/latitude (EPSG:4326; CGCS2000 is taken as equal to it).
 *
 * Xi'an 1980 and Beijing 1954 differ from CGCS2000 by up to ~100 m and the file does not say
 * by how much: they are converted only with the seven parameters the user gives (Bursa–Wolf,
 * position vector, rotations in arc-seconds, scale in ppm). GCJ-02 and BD-09 (consumer maps)
 * are undone with gcoord's iterative inverse (~1 cm).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import proj4 from 'proj4';
import gcoord from 'gcoord';
import { ImportFileError } from './errors';

export type Datum = 'cgcs2000' | 'wgs84' | 'xian1980' | 'beijing1954' | 'other';

export interface Crs {
	/** `EPSG:4528`, or null for a WKT without an EPSG authority. */
	code: string | null;
	name: string;
	proj4: string;
	geographic: boolean;
	datum: Datum;
}

/** A shifted consumer-map datum the coordinates are in, after the CRS (GCJ-02 is lon/lat). */
export type Shift = 'none' | 'gcj02' | 'bd09';

/** Seven-parameter datum shift to WGS 84/CGCS2000: dx, dy, dz (m), rx, ry, rz (″), ds (ppm). */
export type SevenParams = [number, number, number, number, number, number, number];

let indexDir: string | null = null;
function epsgFile(code: number): string {
	if (!indexDir) indexDir = join(dirname(createRequire(import.meta.url).resolve('epsg-index/package.json')), 's');
	return join(indexDir, `${code}.json`);
}

function datumOf(text: string): Datum {
	if (/xi.?an.?1980|IAU.?(19)?76|IAG.?1975/i.test(text)) return 'xian1980';
	if (/beijing.?1954|kras/i.test(text)) return 'beijing1954';
	if (/China.?2000|CGCS.?2000|GRS80|GRS.?1980/i.test(text)) return 'cgcs2000';
	if (/WGS.?84|WGS.?1984|datum=WGS84/i.test(text)) return 'wgs84';
	return 'other';
}

const cache = new Map<number, Crs | null>();

/** The CRS of an EPSG code, or null when the code names no coordinate system. */
export function crsFromEpsg(code: number): Crs | null {
	if (!Number.isInteger(code) || code <= 0 || code > 999_999) return null;
	if (cache.has(code)) return cache.get(code)!;
	let crs: Crs | null = null;
	try {
		const d = JSON.parse(readFileSync(epsgFile(code), 'utf8')) as { name: string; proj4: string; wkt: string; kind: string };
		if (d.proj4 && /^CRS-(PROJ|GEOG)CRS/.test(d.kind)) {
			crs = { code: `EPSG:${code}`, name: d.name, proj4: d.proj4, geographic: /proj=longlat/.test(d.proj4), datum: datumOf(`${d.wkt} ${d.proj4}`) };
		}
	} catch {
		crs = null;
	}
	cache.set(code, crs);
	return crs;
}

/** `EPSG:4528`, `epsg:4528`, `urn:ogc:def:crs:EPSG::4528`, `4528`, `OGC:CRS84` → a CRS, or null. */
export function crsFromName(name: string): Crs | null {
	const s = name.trim();
	if (/^(urn:ogc:def:crs:)?OGC:(1\.3:)?CRS84$/i.test(s) || /^(EPSG:)?4326$/i.test(s)) return crsFromEpsg(4326);
	const m = /(?:^|EPSG[:/]+(?:[\d.]*:)?)(\d{4,6})$/i.exec(s);
	return m ? crsFromEpsg(Number(m[1])) : null;
}

/** ESRI names GDAL writes into `.prj` files for CGCS2000 zones, when it writes no AUTHORITY. */
function esriName(wkt: string): number | null {
	const name = /^\s*(?:PROJCS|GEOGCS|PROJCRS|GEOGCRS)\s*\[\s*"([^"]+)"/i.exec(wkt)?.[1] ?? '';
	let m = /^CGCS2000_3_Degree_GK_Zone_(\d+)$/i.exec(name);
	if (m) return 4513 + Number(m[1]) - 25;
	m = /^CGCS2000_3_Degree_GK_CM_(\d+)E$/i.exec(name);
	if (m) return 4534 + (Number(m[1]) - 75) / 3;
	m = /^CGCS2000_GK_Zone_(\d+)$/i.exec(name);
	if (m) return 4491 + Number(m[1]) - 13;
	m = /^CGCS2000_GK_CM_(\d+)E$/i.exec(name);
	if (m) return 4502 + (Number(m[1]) - 75) / 6;
	m = /^WGS_1984_UTM_Zone_(\d+)([NS])$/i.exec(name);
	if (m) return (m[2].toUpperCase() === 'N' ? 32600 : 32700) + Number(m[1]);
	if (/^GCS_China_Geodetic_Coordinate_System_2000$/i.test(name)) return 4490;
	if (/^GCS_WGS_1984$/i.test(name)) return 4326;
	return null;
}

/** The CRS a `.prj`/WKT describes. Throws a file error naming the problem when proj4 cannot read it. */
export function crsFromWkt(wkt: string): Crs {
	const text = wkt.trim();
	// The top-level AUTHORITY is the last one in WKT1 (ID in WKT2).
	const auth = [...text.matchAll(/(?:AUTHORITY|ID)\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)].at(-1);
	const byCode = auth ? crsFromEpsg(Number(auth[1])) : null;
	if (byCode) return byCode;
	const esri = esriName(text);
	if (esri) return crsFromEpsg(esri)!;
	try {
		const def = proj4.Proj(text) as unknown as { projName?: string; units?: string };
		if (!def.projName) throw new Error('no projection');
		const name = /^\s*\w+\s*\[\s*"([^"]+)"/.exec(text)?.[1] ?? 'WKT';
		return { code: null, name, proj4: text, geographic: def.projName === 'longlat', datum: datumOf(text) };
	} catch {
		throw new ImportFileError('import.crs_unknown', { crs: text.slice(0, 80) });
	}
}

export interface Transform {
	/** x/y (easting/northing, or lon/lat) of the file to [lon, lat] in EPSG:4326, or null when it cannot be converted. */
	toLonLat(x: number, y: number): [number, number] | null;
}

/** The conversion from a CRS (with the user's seven parameters for the old datums, and an optional GCJ-02/BD-09 shift). */
export function transformFrom(crs: Crs, shift: Shift = 'none', sevenParams?: SevenParams | null): Transform {
	if ((crs.datum === 'xian1980' || crs.datum === 'beijing1954') && !sevenParams) {
		throw new ImportFileError('import.crs_needs_params', { crs: crs.code ?? crs.name });
	}
	let def = crs.proj4;
	if (sevenParams && !def.trim().startsWith('+')) {
		throw new ImportFileError('import.crs_params_wkt', { crs: crs.name });
	}
	if (sevenParams) def = `${def.replace(/\s*\+towgs84=\S+/, '')} +towgs84=${sevenParams.join(',')}`;
	const identity = crs.geographic && (crs.datum === 'wgs84' || crs.datum === 'cgcs2000');
	const converter = identity ? null : proj4(def, 'EPSG:4326');
	const unshift = shift === 'none' ? null : shift === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
	return {
		toLonLat(x, y) {
			if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
			let p: number[];
			if (converter) {
				try {
					p = converter.forward([x, y]);
				} catch {
					return null;
				}
			} else p = [x, y];
			if (!Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) return null;
			if (unshift) p = gcoord.transform([p[0], p[1]], unshift, gcoord.WGS84) as number[];
			return [p[0], p[1]];
		}
	};
}
