/**
 * Committing a checked stage: new records inserted, changed ones updated in the fields the
 * mapping feeds (a field the file does not map keeps its value), unchanged ones left alone —
 * so running the same file twice changes nothing the second time. Every record created or
 * changed gets its audit entry tied to the import, and the layer's data version is bumped,
 * all in the caller's transaction.
 */
import { sql, type SQL } from 'drizzle-orm';
import { textList } from '../db/lists';
import type { TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import type { ImportLayer } from '../../domain/import/targets';
import { bumpLayerVersions } from '../tiles/versions';
import { buildingSnapshots, plotSnapshots } from '../editing';
import { LAYER_SPECS, stagedValue } from './layers';
import { recordBuildingMonthsOf } from '../economy/months';

const VERSIONED: ImportLayer[] = ['plots', 'buildings', 'parks', 'facilities', 'roads'];
const json = (v: unknown) => JSON.stringify(v);

/** Columns a new record must have a value for (NOT NULL without a database default). */
const REQUIRED_COLUMNS = new Set([
	'land_use',
	'supply_status',
	'readiness',
	'name_zh',
	'name_en',
	'kind',
	'floors',
	'gross_area_m2',
	'leasable_area_m2',
	'owner_name',
	'operator_zh',
	'operator_en',
	'road_class',
	'speed_kmh',
	'oneway',
	'notes',
	'tax_tier',
	'status',
	'area_m2'
]);

async function stagedCodes(tx: TxHandle, action: 'new' | 'changed'): Promise<string[]> {
	const rows = await tx.rows<{ code: string }>(sql`select code from import_stage where ok and action = ${action} order by idx`);
	return rows.map((r) => r.code);
}

/** The audit image of records by code: the console's snapshot for plots and buildings, the row with its geometry for the rest. */
export async function images(tx: TxHandle, layer: ImportLayer, codes: string[]): Promise<Map<string, unknown>> {
	if (!codes.length) return new Map();
	if (layer === 'plots') return plotSnapshots(tx, codes);
	if (layer === 'buildings' || layer === 'units') return buildingSnapshots(tx, codes);
	const spec = LAYER_SPECS[layer];
	const column = spec.geometry!.column;
	const rows = await tx.rows<{ code: string; image: unknown }>(sql`
		select t.code, (to_jsonb(t) - ${column}::text) || jsonb_build_object('geometry', ST_AsGeoJSON(t.${sql.raw(column)}, 7)::jsonb) as image
		from ${sql.raw(spec.table)} t where t.code in ${textList(codes)}`);
	return new Map(rows.map((r) => [r.code, typeof r.image === 'string' ? JSON.parse(r.image) : r.image]));
}

export async function recordImportAudits(
	tx: TxHandle,
	user: SessionUser,
	entity: string,
	entries: { action: 'create' | 'update' | 'delete' | 'restore'; id: string; before: unknown; after: unknown }[],
	link: { importId: number } | { undoOf: number }
): Promise<void> {
	const importId = 'importId' in link ? link.importId : null;
	const undoOf = 'undoOf' in link ? link.undoOf : null;
	for (let at = 0; at < entries.length; at += 500) {
		await tx.rows(sql`
			insert into audit_entries (user_id, action, entity, entity_id, before, after, import_id, undo_of)
			select ${user.id}, x.action, ${entity}, x.id, x.before, x.after, ${importId}::int, ${undoOf}::int
			from jsonb_to_recordset(${json(entries.slice(at, at + 500))}::jsonb) as x(action text, id text, before jsonb, after jsonb)`);
	}
}

export interface WriteCounts {
	created: number;
	updated: number;
	unchanged: number;
	/** Roads deleted because the file replaced the whole network. */
	deleted?: number;
}

/** The audit key of a road: its code, or `id:<n>` for a road drawn in the console or shipped without one. */
export const ROAD_KEY = sql`coalesce(r.code, 'id:' || r.id)`;

/** Replacing the network: every road the file does not hold is deleted, its image kept for undo. */
async function deleteRoadsNotIn(tx: TxHandle, user: SessionUser, importId: number): Promise<number> {
	const gone = await tx.rows<{ key: string; image: unknown }>(sql`
		with gone as (delete from roads r where r.code is null or r.code not in (select code from import_stage where ok) returning r.*)
		select ${ROAD_KEY} as key, (to_jsonb(r) - 'geom') || jsonb_build_object('geometry', ST_AsGeoJSON(r.geom, 7)::jsonb) as image
		from gone r order by r.id`);
	await recordImportAudits(
		tx,
		user,
		'road',
		gone.map((g) => ({ action: 'delete' as const, id: g.key, before: typeof g.image === 'string' ? JSON.parse(g.image) : g.image, after: null })),
		{ importId }
	);
	return gone.length;
}

export async function writeStage(
	tx: TxHandle,
	user: SessionUser,
	layer: ImportLayer,
	importId: number,
	written: string[],
	publish: boolean,
	replaceRoads = false
): Promise<WriteCounts> {
	const spec = LAYER_SPECS[layer];
	const [u] = await tx.rows<{ n: number }>(sql`select count(*)::int as n from import_stage where ok and action = 'unchanged'`);
	if (layer === 'units') return { ...(await writeUnits(tx, user, importId)), unchanged: Number(u.n) };
	const newCodes = await stagedCodes(tx, 'new');
	const changedCodes = await stagedCodes(tx, 'changed');
	const before = await images(tx, layer, changedCodes);
	const t = sql.raw(spec.table);
	const mapped = written.filter((k) => spec.columns[k]);
	const defaults = spec.insertDefaults(publish);
	const geometry = spec.geometry!;

	if (newCodes.length) {
		const cols: string[] = ['code'];
		const vals: SQL[] = [sql`s.code`];
		if (spec.parkScoped) {
			cols.push('park_id');
			vals.push(sql`s.park_id`);
		}
		cols.push(geometry.column);
		vals.push(geometry.value);
		if (spec.areaColumn) {
			cols.push(spec.areaColumn);
			vals.push(sql`s.area_m2`);
		}
		if (spec.lengthColumn) {
			cols.push(spec.lengthColumn);
			vals.push(sql`ST_Length((${geometry.value})::geography)`);
		}
		for (const k of mapped) {
			const { column, cast } = spec.columns[k];
			cols.push(column);
			vals.push(defaults[column] ? sql`coalesce(${stagedValue(k, cast)}, ${defaults[column]})` : stagedValue(k, cast));
		}
		for (const [column, value] of Object.entries(defaults)) {
			if (cols.includes(column)) continue;
			cols.push(column);
			vals.push(value);
		}
		await tx.rows(sql`
			insert into ${t} (${sql.raw(cols.join(', '))})
			select ${sql.join(vals, sql`, `)} from import_stage s where s.ok and s.action = 'new' order by s.idx`);
	}
	if (changedCodes.length) {
		const sets: SQL[] = mapped.map((k) => {
			const { column, cast } = spec.columns[k];
			const col = sql.raw(column);
			return REQUIRED_COLUMNS.has(column) ? sql`${col} = coalesce(${stagedValue(k, cast)}, t.${col})` : sql`${col} = ${stagedValue(k, cast)}`;
		});
		sets.push(sql`${sql.raw(geometry.column)} = ${geometry.value}`);
		if (spec.areaColumn) sets.push(sql`${sql.raw(spec.areaColumn)} = s.area_m2`);
		if (spec.lengthColumn) sets.push(sql`${sql.raw(spec.lengthColumn)} = ST_Length((${geometry.value})::geography)`);
		if (spec.parkScoped) sets.push(sql`park_id = s.park_id`);
		if (VERSIONED.includes(layer)) sets.push(sql`version = t.version + 1`, sql`updated_at = now()`);
		await tx.rows(sql`update ${t} t set ${sql.join(sets, sql`, `)} from import_stage s where s.ok and s.action = 'changed' and t.code = s.code`);
	}
	// Buildings' figures for the month are written by the transaction that changes them, imports too.
	if (layer === 'buildings') await recordBuildingMonthsOf(tx, [...newCodes, ...changedCodes]);
	const after = await images(tx, layer, [...newCodes, ...changedCodes]);
	await recordImportAudits(
		tx,
		user,
		spec.entity,
		[
			...newCodes.map((code) => ({ action: 'create' as const, id: code, before: null, after: after.get(code) ?? null })),
			...changedCodes.map((code) => ({ action: 'update' as const, id: code, before: before.get(code) ?? null, after: after.get(code) ?? null }))
		],
		{ importId }
	);
	const deleted = replaceRoads ? await deleteRoadsNotIn(tx, user, importId) : 0;
	if (newCodes.length || changedCodes.length || deleted) await bumpLayerVersions(tx, spec.bumps);
	return { created: newCodes.length, updated: changedCodes.length, unchanged: Number(u.n), ...(replaceRoads ? { deleted } : {}) };
}

/** Units: created or updated in their buildings; one audit entry per building, as the console's unit edits make. */
async function writeUnits(tx: TxHandle, user: SessionUser, importId: number): Promise<Omit<WriteCounts, 'unchanged'>> {
	const touched = await tx.rows<{ code: string }>(sql`
		select distinct vals->>'buildingCode' as code from import_stage where ok and action in ('new', 'changed') order by 1`);
	const codes = touched.map((r) => r.code);
	if (!codes.length) return { created: 0, updated: 0 };
	const before = await buildingSnapshots(tx, codes);
	const created = await tx.rows(sql`
		insert into units (building_id, floor, unit_no, area_m2, status)
		select b.id, (s.vals->>'floor')::int, s.vals->>'unitNo', (s.vals->>'areaM2')::float8, s.vals->>'status'
		from import_stage s join buildings b on b.code = s.vals->>'buildingCode' where s.ok and s.action = 'new' order by s.idx
		returning id`);
	const updated = await tx.rows(sql`
		update units t set area_m2 = coalesce((s.vals->>'areaM2')::float8, t.area_m2), status = coalesce(s.vals->>'status', t.status),
			version = t.version + 1, updated_at = now()
		from import_stage s where s.ok and s.action = 'changed' and t.id = s.target_id
		returning t.id`);
	await tx.rows(sql`update buildings set version = version + 1, updated_at = now() where code in ${textList(codes)}`);
	await recordBuildingMonthsOf(tx, codes);
	const after = await buildingSnapshots(tx, codes);
	await recordImportAudits(
		tx,
		user,
		'building',
		codes.map((code) => ({ action: 'update' as const, id: code, before: before.get(code) ?? null, after: after.get(code) ?? null })),
		{ importId }
	);
	await bumpLayerVersions(tx, ['buildings']);
	return { created: created.length, updated: updated.length };
}
