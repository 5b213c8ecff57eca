/**
 * GeoPackage (an SQLite file) read with sql.js (SQLite compiled to WebAssembly): its one
 * feature table, the CRS from `gpkg_spatial_ref_sys`, and geometries from the GeoPackage
 * binary header + WKB.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wkx from 'wkx';
import type { Geometry } from 'geojson';
import { crsFromEpsg, crsFromWkt } from '../crs';
import { ImportFileError } from '../errors';
import type { SourceFeature, SourceFile } from '../source';

let sqlJs: Promise<SqlJsStatic> | null = null;
function sqlite(): Promise<SqlJsStatic> {
	sqlJs ??= initSqlJs({ wasmBinary: readFileSync(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm')) as unknown as ArrayBuffer });
	return sqlJs;
}

/** Geometry of a GeoPackage blob: `GP`, version, flags (byte order, envelope kind, empty), srs id, envelope, WKB. */
export function gpkgGeometry(blob: Uint8Array | null): Geometry | null {
	if (!blob || blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) return null;
	const flags = blob[3];
	if (flags & 0x10) return null;
	const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 0x07];
	if (envelope === undefined) return null;
	const wkb = Buffer.from(blob.buffer, blob.byteOffset + 8 + envelope, blob.length - 8 - envelope);
	return (wkx.Geometry.parse(wkb) as unknown as { toGeoJSON(): Geometry }).toGeoJSON();
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function readGpkg(bytes: Uint8Array): Promise<SourceFile> {
	const SQL = await sqlite();
	let db;
	try {
		db = new SQL.Database(bytes);
		db.exec('select 1 from gpkg_contents limit 1');
	} catch {
		throw new ImportFileError('import.gpkg_broken');
	}
	try {
		const tables = db.exec(
			`select c.table_name, g.column_name, g.srs_id from gpkg_contents c join gpkg_geometry_columns g on g.table_name = c.table_name where c.data_type = 'features'`
		)[0]?.values as [string, string, number][] | undefined;
		if (!tables?.length) throw new ImportFileError('import.gpkg_no_features');
		if (tables.length > 1)
			throw new ImportFileError('import.gpkg_many', {
				names: tables
					.map((t) => t[0])
					.join(', ')
					.slice(0, 200)
			});
		const [table, geomColumn, srsId] = tables[0];
		const srs = db.exec('select organization, organization_coordsys_id, definition from gpkg_spatial_ref_sys where srs_id = ?', [srsId])[0]?.values[0] as
			[string, number, string] | undefined;
		let crs: SourceFile['crs'] = null;
		if (srs && srs[0]?.toUpperCase() === 'EPSG' && crsFromEpsg(Number(srs[1]))) crs = { crs: crsFromEpsg(Number(srs[1]))!, rule: 'gpkg' };
		else if (srs && srs[2] && srs[2] !== 'undefined' && Number(srsId) > 0) crs = { crs: crsFromWkt(srs[2]), rule: 'gpkg' };
		const info = db.exec(`pragma table_info(${quoteIdent(table)})`)[0].values as [number, string, string, number, unknown, number][];
		const columns = info.map((c) => c[1]).filter((c) => c !== geomColumn && !info.find((i) => i[1] === c && i[5] === 1 && /INT/i.test(i[2])));
		const items: SourceFeature[] = [];
		const stmt = db.prepare(`select ${[geomColumn, ...columns].map(quoteIdent).join(', ')} from ${quoteIdent(table)}`);
		while (stmt.step()) {
			const row = stmt.get();
			let geometry: Geometry | null = null;
			let problem: SourceFeature['problem'];
			try {
				geometry = gpkgGeometry(row[0] as Uint8Array | null);
			} catch {
				problem = { key: 'import.wkt_invalid' };
			}
			items.push({ index: items.length + 1, geometry, properties: Object.fromEntries(columns.map((c, i) => [c, row[i + 1]])), problem });
		}
		stmt.free();
		return {
			format: 'gpkg',
			crs,
			encoding: { encoding: 'utf-8', rule: 'declared' },
			columns,
			notes: [],
			async *features() {
				yield* items;
			}
		};
	} finally {
		db.close();
	}
}
