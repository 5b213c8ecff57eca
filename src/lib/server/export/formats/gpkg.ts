/**
 * GeoPackage 1.3 written with sql.js (SQLite in WebAssembly): the required tables
 * (`gpkg_spatial_ref_sys` with EPSG:4326, `gpkg_contents`, `gpkg_geometry_columns`), one
 * feature table (or an attributes table for a list without geometry) and an R-tree-free
 * geometry column of GeoPackage blobs: the `GP` header with the envelope, then WKB with every
 * coordinate exactly as stored.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Geometry, Position } from 'geojson';
import type { ExportFieldType, ExportTable } from '../table';
import { wkbOf } from './positions';

let sqlJs: Promise<SqlJsStatic> | null = null;
const sqlite = () =>
	(sqlJs ??= initSqlJs({ wasmBinary: readFileSync(createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm')) as unknown as ArrayBuffer }));

const WGS84_WKT =
	'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';

const SQL_TYPES: Record<ExportFieldType, string> = { text: 'TEXT', number: 'REAL', integer: 'INTEGER', date: 'DATE', boolean: 'BOOLEAN' };
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

function envelope(g: Geometry): [number, number, number, number] {
	let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
	const walk = (c: unknown) => {
		if (typeof (c as Position)[0] === 'number') {
			const [x, y] = c as Position;
			minX = Math.min(minX, x);
			maxX = Math.max(maxX, x);
			minY = Math.min(minY, y);
			maxY = Math.max(maxY, y);
		} else (c as unknown[]).forEach(walk);
	};
	if (g.type !== 'GeometryCollection') walk(g.coordinates);
	return [minX, maxX, minY, maxY];
}

/** A GeoPackage geometry blob: magic, version 0, flags (little-endian, xy envelope), srs id, envelope, WKB. */
export function gpkgBlob(g: Geometry, srsId = 4326): Uint8Array {
	const wkb = wkbOf(g);
	const head = Buffer.alloc(8 + 32);
	head.write('GP', 0, 'ascii');
	head[2] = 0;
	head[3] = 0b0000_0011;
	head.writeInt32LE(srsId, 4);
	envelope(g).forEach((v, i) => head.writeDoubleLE(v, 8 + i * 8));
	return new Uint8Array(Buffer.concat([head, wkb]));
}

export async function writeGpkg(t: ExportTable): Promise<Uint8Array> {
	const SQL = await sqlite();
	const db = new SQL.Database();
	try {
		db.exec(`pragma application_id = 1196444487; pragma user_version = 10300;
			create table gpkg_spatial_ref_sys (srs_name text not null, srs_id integer primary key, organization text not null, organization_coordsys_id integer not null, definition text not null, description text);
			create table gpkg_contents (table_name text not null primary key, data_type text not null, identifier text unique, description text default '', last_change datetime not null default (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x double, min_y double, max_x double, max_y double, srs_id integer references gpkg_spatial_ref_sys(srs_id));
			create table gpkg_geometry_columns (table_name text not null, column_name text not null, geometry_type_name text not null, srs_id integer not null, z tinyint not null, m tinyint not null, constraint pk_geom_cols primary key (table_name, column_name));`);
		db.run('insert into gpkg_spatial_ref_sys values (?, ?, ?, ?, ?, ?)', [
			'Undefined cartesian SRS',
			-1,
			'NONE',
			-1,
			'undefined',
			'undefined cartesian coordinate reference system'
		]);
		db.run('insert into gpkg_spatial_ref_sys values (?, ?, ?, ?, ?, ?)', [
			'Undefined geographic SRS',
			0,
			'NONE',
			0,
			'undefined',
			'undefined geographic coordinate reference system'
		]);
		db.run('insert into gpkg_spatial_ref_sys values (?, ?, ?, ?, ?, ?)', [
			'WGS 84 geodetic',
			4326,
			'EPSG',
			4326,
			WGS84_WKT,
			'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid'
		]);
		const columns = t.fields.map((f) => `${ident(f.key)} ${SQL_TYPES[f.type]}`);
		const geom = t.geometry ? ['geom'] : [];
		db.exec(
			`create table ${ident(t.name)} (fid integer primary key autoincrement, ${[...geom.map((g) => `${g} ${t.geometry!.toUpperCase()}`), ...columns].join(', ')})`
		);
		const env = t.rows.filter((r) => r.geometry).map((r) => envelope(r.geometry!));
		const ext = env.length
			? [Math.min(...env.map((e) => e[0])), Math.min(...env.map((e) => e[2])), Math.max(...env.map((e) => e[1])), Math.max(...env.map((e) => e[3]))]
			: [null, null, null, null];
		db.run(
			'insert into gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
			[t.name, t.geometry ? 'features' : 'attributes', t.title, '', ...ext, t.geometry ? 4326 : null]
		);
		if (t.geometry) db.run('insert into gpkg_geometry_columns values (?, ?, ?, 4326, 0, 0)', [t.name, 'geom', t.geometry.toUpperCase()]);
		const names = [...geom, ...t.fields.map((f) => f.key)];
		const insert = db.prepare(`insert into ${ident(t.name)} (${names.map(ident).join(', ')}) values (${names.map(() => '?').join(', ')})`);
		db.exec('begin');
		for (const r of t.rows) {
			const values = t.fields.map((f) => {
				const v = r.values[f.key] ?? null;
				return typeof v === 'boolean' ? (v ? 1 : 0) : v;
			});
			insert.run([...(t.geometry ? [r.geometry ? gpkgBlob(r.geometry) : null] : []), ...values]);
		}
		db.exec('commit');
		insert.free();
		return db.export();
	} finally {
		db.close();
	}
}
