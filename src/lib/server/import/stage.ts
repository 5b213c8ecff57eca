/**
 * The staging table of one import run: a temporary table in the run's transaction (dropped at
 * its end) that the file's features are streamed into in batches, so that PostGIS checks them
 * all at once — validity and where it fails, the park each lies in, the part outside it,
 * overlaps within the file and with the database beyond the sliver tolerance, the file's own
 * area figure — and compares them with the records of the same code.
 */
import { sql, type SQL } from 'drizzle-orm';
import { intList } from '../db/lists';
import { pgArray } from '../db/values';
import type { Geometry } from 'geojson';
import type { TxHandle } from '../db/client';
import { OVERLAP_TOLERANCE_M2, PARK_TOLERANCE_M } from '../editing';
import type { FieldValue } from '../../domain/import/values';
import type { MessageKey } from '../../i18n/messages';
import { LAYER_SPECS, stagedValue, type LayerSpec } from './layers';
import type { ImportLayer } from '../../domain/import/targets';
import type { ImportReport } from '../../domain/import/report';

export interface StageRow {
	idx: number;
	code: string | null;
	park_id: number | null;
	g: string | null;
	area_raw: number | null;
	vals: Record<string, FieldValue>;
	ok: boolean;
}

export interface SqlProblem {
	idx: number;
	key: MessageKey;
	params: Record<string, string | number>;
	location: Geometry | null;
}

const json = (v: unknown) => JSON.stringify(v);
const geo = (v: unknown): Geometry | null => (v ? (typeof v === 'string' ? JSON.parse(v) : (v as Geometry)) : null);

export async function createStage(tx: TxHandle): Promise<void> {
	await tx.rows(sql`
		create temp table import_stage (
			idx int primary key, code text, park_id int, geom geometry, area_raw float8, area_m2 float8, vals jsonb not null,
			ok boolean not null, valid boolean not null default true, target_id int, changed text[], action text
		) on commit drop`);
}

export async function insertStage(tx: TxHandle, rows: StageRow[]): Promise<void> {
	if (!rows.length) return;
	await tx.rows(sql`
		insert into import_stage (idx, code, park_id, geom, area_raw, vals, ok)
		select x.idx, x.code, x.park_id, case when x.g is null then null else ST_SetSRID(ST_GeomFromGeoJSON(x.g), 4326) end, x.area_raw, x.vals, x.ok
		from jsonb_to_recordset(${json(rows)}::jsonb) as x(idx int, code text, park_id int, g text, area_raw float8, vals jsonb, ok boolean)`);
}

/** Indexes the staged geometries and measures them; returns the problems PostGIS finds. */
export async function checkStage(tx: TxHandle, layer: ImportLayer, parkScope: number[] | null): Promise<SqlProblem[]> {
	const spec = LAYER_SPECS[layer];
	const problems: SqlProblem[] = [];
	await tx.rows(sql`create index on import_stage using gist (geom)`);
	await tx.rows(sql`analyze import_stage`);
	const invalid = await tx.rows<{ idx: number; reason: string; loc: string | null }>(sql`
		update import_stage set valid = false
		where geom is not null and not ST_IsValid(geom)
		returning idx, ST_IsValidReason(geom) as reason, ST_AsGeoJSON((ST_IsValidDetail(geom)).location, 7) as loc`);
	for (const r of invalid) problems.push({ idx: r.idx, key: 'import.invalid_geometry', params: { reason: r.reason }, location: geo(r.loc) });
	if (spec.areaColumn) await tx.rows(sql`update import_stage set area_m2 = ST_Area(geom::geography) where valid and geom is not null`);
	if (layer === 'roads') {
		const parts = await tx.rows<{ idx: number; loc: string }>(sql`
			select idx, ST_AsGeoJSON(ST_StartPoint(ST_GeometryN(geom, 2)), 7) as loc from import_stage
			where valid and geom is not null and ST_NumGeometries(ST_Multi(ST_LineMerge(geom))) > 1`);
		for (const r of parts) problems.push({ idx: r.idx, key: 'import.road_parts', params: {}, location: geo(r.loc) });
	}
	if (spec.parkScoped && spec.geometry) problems.push(...(await checkParks(tx, parkScope)));
	if (layer === 'units') problems.push(...(await checkUnitBuildings(tx, parkScope)));
	if (spec.noOverlap && spec.geometry) problems.push(...(await checkOverlaps(tx, spec)));
	return problems;
}

/** Each record's park (the one given, its park column, else the park it lies in), its scope, and the part outside it. */
async function checkParks(tx: TxHandle, parkScope: number[] | null): Promise<SqlProblem[]> {
	const out: SqlProblem[] = [];
	await tx.rows(sql`
		update import_stage s set park_id = (
			select k.id from parks k where ST_Intersects(k.boundary, s.geom)
			order by ST_Area(ST_Intersection(k.boundary, s.geom)) desc, k.area_m2 asc limit 1)
		where s.park_id is null and s.valid and s.geom is not null`);
	const orphans = await tx.rows<{ idx: number; loc: string }>(sql`
		select idx, ST_AsGeoJSON(ST_PointOnSurface(geom), 7) as loc from import_stage where park_id is null and valid and geom is not null`);
	for (const r of orphans) out.push({ idx: r.idx, key: 'import.no_park', params: {}, location: geo(r.loc) });
	if (parkScope) {
		const foreign = await tx.rows<{ idx: number; code: string; loc: string }>(sql`
			select s.idx, k.code, ST_AsGeoJSON(ST_PointOnSurface(s.geom), 7) as loc from import_stage s join parks k on k.id = s.park_id
			where s.valid and s.park_id not in ${intList(parkScope)}`);
		for (const r of foreign) out.push({ idx: r.idx, key: 'import.park_forbidden', params: { park: r.code }, location: geo(r.loc) });
	}
	const outside = await tx.rows<{ idx: number; code: string; loc: string }>(sql`
		with k as materialized (
			select id, code, boundary, ST_Buffer(boundary::geography, ${PARK_TOLERANCE_M})::geometry as limit_geom
			from parks where id in (select distinct park_id from import_stage where park_id is not null))
		select s.idx, k.code, ST_AsGeoJSON(ST_Difference(s.geom, k.boundary), 7) as loc
		from import_stage s join k on k.id = s.park_id
		where s.valid and not ST_Covers(k.limit_geom, s.geom)`);
	for (const r of outside) out.push({ idx: r.idx, key: 'import.outside_park', params: { park: r.code }, location: geo(r.loc) });
	return out;
}

/** Units need their building, in one of the user's parks. */
async function checkUnitBuildings(tx: TxHandle, parkScope: number[] | null): Promise<SqlProblem[]> {
	const rows = await tx.rows<{ idx: number; building: string; park_id: number | null; park: string | null; found: boolean }>(sql`
		select s.idx, s.vals->>'buildingCode' as building, b.park_id, k.code as park, b.id is not null as found
		from import_stage s left join buildings b on b.code = s.vals->>'buildingCode' left join parks k on k.id = b.park_id
		where s.vals->>'buildingCode' is not null`);
	const out: SqlProblem[] = [];
	for (const r of rows) {
		if (!r.found) out.push({ idx: r.idx, key: 'import.unit_building_missing', params: { code: r.building }, location: null });
		else if (parkScope && (r.park_id === null || !parkScope.includes(Number(r.park_id))))
			out.push({ idx: r.idx, key: 'import.park_forbidden', params: { park: r.park ?? '—' }, location: null });
	}
	return out;
}

/** Overlaps beyond the sliver tolerance: between features of the file, and with records of the database the file does not replace. */
async function checkOverlaps(tx: TxHandle, spec: LayerSpec): Promise<SqlProblem[]> {
	const out: SqlProblem[] = [];
	const within = await tx.rows<{ a: number; b: number; a_code: string | null; b_code: string | null; area: number; loc: string }>(sql`
		select a.idx as a, b.idx as b, a.code as a_code, b.code as b_code, x.area, ST_AsGeoJSON(i.g, 7) as loc
		from import_stage a join import_stage b on a.idx < b.idx and a.geom && b.geom and ST_Intersects(a.geom, b.geom)
		cross join lateral (select ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 3) as g) i
		cross join lateral (select ST_Area(i.g::geography) as area) x
		where a.valid and b.valid and x.area > ${OVERLAP_TOLERANCE_M2}`);
	for (const r of within) {
		const [loc, area] = [geo(r.loc), Math.round(Number(r.area))];
		out.push({ idx: r.a, key: 'import.overlap_file', params: { other: r.b, code: r.b_code ?? '', area }, location: loc });
		out.push({ idx: r.b, key: 'import.overlap_file', params: { other: r.a, code: r.a_code ?? '', area }, location: loc });
	}
	const table = sql.raw(spec.table);
	const column = sql.raw(spec.geometry!.column);
	const stored = await tx.rows<{ idx: number; code: string; area: number; loc: string }>(sql`
		select s.idx, t.code, x.area, ST_AsGeoJSON(i.g, 7) as loc
		from import_stage s join ${table} t on t.${column} && s.geom and ST_Intersects(t.${column}, s.geom)
		cross join lateral (select ST_CollectionExtract(ST_Intersection(t.${column}, s.geom), 3) as g) i
		cross join lateral (select ST_Area(i.g::geography) as area) x
		where s.valid and x.area > ${OVERLAP_TOLERANCE_M2} and not exists (select 1 from import_stage o where o.code = t.code)`);
	for (const r of stored) out.push({ idx: r.idx, key: 'import.overlap_db', params: { code: r.code, area: Math.round(Number(r.area)) }, location: geo(r.loc) });
	return out;
}

/** Features whose area differs from the file's own area figure by more than 1%. */
export async function checkAreas(tx: TxHandle, factor: number): Promise<SqlProblem[]> {
	const rows = await tx.rows<{ idx: number; measured: number; stated: number; loc: string }>(sql`
		select idx, area_m2 as measured, area_raw * ${factor} as stated, ST_AsGeoJSON(ST_PointOnSurface(geom), 7) as loc from import_stage
		where valid and area_raw is not null and area_m2 is not null and abs(area_m2 - area_raw * ${factor}) > 0.01 * area_raw * ${factor}`);
	return rows.map((r) => ({
		idx: r.idx,
		key: 'import.area_differs',
		params: { measured: Math.round(Number(r.measured)), stated: Math.round(Number(r.stated)) },
		location: geo(r.loc)
	}));
}

/** Median of measured area / stated value, to tell whether the area column is in m², ha or 亩. */
export async function areaRatio(tx: TxHandle): Promise<number | null> {
	const [r] = await tx.rows<{ ratio: number | null }>(sql`
		select percentile_cont(0.5) within group (order by area_m2 / area_raw) as ratio from import_stage
		where valid and area_raw > 0 and area_m2 > 0`);
	return r?.ratio === null || r?.ratio === undefined ? null : Number(r.ratio);
}

export async function markProblems(tx: TxHandle, idx: number[]): Promise<void> {
	for (let at = 0; at < idx.length; at += 5000) await tx.rows(sql`update import_stage set ok = false where idx in ${intList(idx.slice(at, at + 5000))}`);
}

/** Compares each clean staged feature with the record of its key: new, changed (which fields) or unchanged. */
export async function diffStage(tx: TxHandle, layer: ImportLayer, written: string[]): Promise<void> {
	const spec = LAYER_SPECS[layer];
	const t = sql.raw(spec.table);
	const changes: SQL[] = written
		.filter((k) => spec.columns[k])
		.map((k) => {
			const { column, cast } = spec.columns[k];
			// An empty cell and an empty text are the same nothing.
			if (cast === 'text') return sql`case when nullif(${stagedValue(k, cast)}, '') is distinct from nullif(t.${sql.raw(column)}, '') then ${k} end`;
			return sql`case when ${stagedValue(k, cast)} is distinct from t.${sql.raw(column)} then ${k} end`;
		});
	// The same vertices in the same order; a ring's winding is not a change (shapefiles wind outer rings clockwise, GeoJSON counter-clockwise).
	if (spec.geometry)
		changes.push(
			sql`case when not ST_OrderingEquals(ST_ForcePolygonCCW(t.${sql.raw(spec.geometry.column)}), ST_ForcePolygonCCW(${spec.geometry.value})) then 'geometry' end`
		);
	if (spec.parkScoped && layer !== 'units') changes.push(sql`case when s.park_id is distinct from t.park_id then 'park' end`);
	const list = changes.length ? sql.join(changes, sql`, `) : sql`null::text`;
	if (layer === 'units') {
		await tx.rows(sql`
			update import_stage s set target_id = t.id, changed = array_remove(array[${list}]::text[], null)
			from units t join buildings b on b.id = t.building_id
			where s.ok and b.code = s.vals->>'buildingCode' and t.floor = (s.vals->>'floor')::int and t.unit_no = s.vals->>'unitNo'`);
	} else {
		await tx.rows(
			sql`update import_stage s set target_id = t.id, changed = array_remove(array[${list}]::text[], null) from ${t} t where s.ok and t.code = s.code`
		);
	}
	await tx.rows(sql`
		update import_stage set action = case when target_id is null then 'new' when cardinality(changed) > 0 then 'changed' else 'unchanged' end
		where ok`);
}

export type DiffSummary = ImportReport['diff'];

export async function summariseDiff(tx: TxHandle, layer: ImportLayer): Promise<DiffSummary> {
	const counts = await tx.rows<{ action: string; n: number }>(sql`select action, count(*)::int as n from import_stage where ok group by action`);
	const by = Object.fromEntries(counts.map((c) => [c.action, Number(c.n)]));
	const fields = await tx.rows<{ field: string; n: number }>(sql`
		select f as field, count(*)::int as n from import_stage, unnest(changed) as f where ok and action = 'changed' group by f`);
	const newSample = await tx.rows<{ code: string }>(sql`select code from import_stage where ok and action = 'new' order by idx limit 20`);
	const changedSample = await tx.rows<{ code: string; changed: string[] | string }>(
		sql`select code, changed from import_stage where ok and action = 'changed' order by idx limit 20`
	);
	const spec = LAYER_SPECS[layer];
	let missing: { code: string }[] = [];
	let missingCount = 0;
	if (layer !== 'units') {
		const t = sql.raw(spec.table);
		const scope = spec.parkScoped ? sql`and t.park_id in (select distinct park_id from import_stage where park_id is not null)` : sql``;
		const [m] = await tx.rows<{ n: number }>(sql`
			select count(*)::int as n from ${t} t where t.code is not null ${scope} and not exists (select 1 from import_stage s where s.code = t.code)`);
		missingCount = Number(m.n);
		missing = await tx.rows<{ code: string }>(sql`
			select t.code from ${t} t where t.code is not null ${scope} and not exists (select 1 from import_stage s where s.code = t.code) order by t.code limit 20`);
	}
	return {
		new: by.new ?? 0,
		changed: by.changed ?? 0,
		unchanged: by.unchanged ?? 0,
		missing: missingCount,
		changedFields: Object.fromEntries(fields.map((f) => [f.field, Number(f.n)])),
		samples: {
			new: newSample.map((r) => r.code),
			changed: changedSample.map((r) => ({ code: r.code, fields: pgArray(r.changed) })),
			missing: missing.map((r) => r.code)
		}
	};
}
