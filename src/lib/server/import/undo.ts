/**
 * Undoing an import: every record it created is deleted and every record it changed is put
 * back as it was before, in one transaction, each step with its own audit entry (marked as
 * undoing that import). Refused, naming the records, when any of them has been edited since:
 * undoing would silently throw that edit away.
 */
import { sql } from 'drizzle-orm';
import { textList, intList } from '../db/lists';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireParkEditor, requireUser } from '../auth/permissions';
import { requireImportRole } from './access';
import { NotFoundError, writeBuildingAttributes, writePlotAttributes, type BuildingSnapshot, type PlotSnapshot } from '../editing';
import type { ImportLayer } from '../../domain/import/targets';
import { parseJson } from '../db/values';
import { bumpLayerVersions } from '../tiles/versions';
import { ImportFileError } from './errors';
import { LAYER_SPECS } from './layers';
import { images, recordImportAudits } from './write';
import { recordBuildingMonths } from '../economy/months';

interface Entry {
	id: number;
	action: string;
	entity: string;
	entity_id: string;
	before: unknown;
	after: unknown;
}

const geom = (g: unknown) => sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(g)}), 4326))`;

/** Whether a record is still as the import left it (versions for versioned records, the whole image otherwise). */
function unchangedSince(layer: ImportLayer, after: unknown, now: unknown): boolean {
	if (!now) return false;
	const [a, n] = [after as Record<string, unknown>, now as Record<string, unknown>];
	if ('version' in a && 'version' in n) return a.version === n.version;
	return JSON.stringify(a) === JSON.stringify(n);
}

export async function undoImport(db: Database, user: SessionUser | null, importId: number): Promise<{ deleted: number; restored: number }> {
	const u = requireUser(user);
	const [imp] = await db.rows<{ id: number; layer: ImportLayer; park_id: number | null; status: string; user_id: number | null }>(
		sql`select id, layer, park_id, status, user_id from imports where id = ${importId}`
	);
	if (!imp) throw new NotFoundError(`No import ${importId}.`);
	requireImportRole(u, imp.layer);
	if (imp.park_id !== null) requireParkEditor(u, Number(imp.park_id));
	if (imp.status !== 'committed') throw new ImportFileError('import.undo_done');
	const layer = imp.layer;
	const spec = LAYER_SPECS[layer];

	return db.transaction(async (tx) => {
		const [locked] = await tx.rows<{ status: string }>(sql`select status from imports where id = ${importId} for update`);
		if (locked.status !== 'committed') throw new ImportFileError('import.undo_done');
		const entries = (
			await tx.rows<Entry>(sql`
			select id, action, entity, entity_id, before, after from audit_entries where import_id = ${importId} order by id desc`)
		).map((e) => ({
			...e,
			before: parseJson(e.before),
			after: parseJson(e.after)
		}));
		const codes = [...new Set(entries.map((e) => e.entity_id))];
		const current = await images(tx, layer, codes);
		if (u.role === 'park_editor') {
			for (const img of current.values())
				requireParkEditor(u, Number((img as { parkId?: number; park_id?: number }).parkId ?? (img as { park_id?: number }).park_id));
		}
		// A record the import deleted (a road of a replaced network) must not have come back under its code since.
		const edited = entries
			.filter((e) => (e.action === 'delete' ? current.has(e.entity_id) : !unchangedSince(layer, e.after, current.get(e.entity_id))))
			.map((e) => e.entity_id);
		if (edited.length) throw new ImportFileError('import.undo_conflict', { codes: [...new Set(edited)].slice(0, 20).join(', ') }, 409);
		let restored = 0;
		const audits: Parameters<typeof recordImportAudits>[3] = [];
		const created = entries.filter((e) => e.action === 'create').map((e) => e.entity_id);
		await deleteRecords(tx, layer, created);
		for (const code of created) audits.push({ action: 'delete', id: code, before: current.get(code) ?? null, after: null });
		const deleted = created.length;
		const removed = entries.filter((e) => e.action === 'delete');
		for (const e of removed) await reinsertRoad(tx, e.before);
		for (const e of removed) audits.push({ action: 'create', id: e.entity_id, before: null, after: e.before });
		for (const e of entries) {
			if (e.action === 'create' || e.action === 'delete') continue;
			await restoreRecord(tx, layer, e.entity_id, e.before);
			restored++;
		}
		const after = await images(
			tx,
			layer,
			entries.filter((e) => e.action !== 'create' && e.action !== 'delete').map((e) => e.entity_id)
		);
		for (const e of entries)
			if (e.action !== 'create' && e.action !== 'delete')
				audits.push({ action: 'restore', id: e.entity_id, before: current.get(e.entity_id) ?? null, after: after.get(e.entity_id) ?? null });
		await recordImportAudits(tx, u, spec.entity, audits, { undoOf: importId });
		await tx.rows(sql`update imports set status = 'undone', undone_at = now(), undone_by = ${u.id} where id = ${importId}`);
		await bumpLayerVersions(tx, spec.bumps);
		return { deleted, restored: restored + removed.length };
	});
}

/** Puts back a road that replacing the network deleted, with its id, from its audit image. */
async function reinsertRoad(tx: TxHandle, image: unknown): Promise<void> {
	const g = (image as { geometry: unknown }).geometry;
	await tx.rows(sql`
		insert into roads (id, code, name_zh, name_en, road_class, oneway, speed_kmh, geom, length_m, version)
		select r.id, r.code, r.name_zh, r.name_en, r.road_class, r.oneway, r.speed_kmh, ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(g)}), 4326), r.length_m, r.version + 1
		from jsonb_populate_record(null::roads, ${JSON.stringify(image)}::jsonb) r`);
}

const isForeignKeyViolation = (e: unknown) => (e as { code?: string }).code === '23503' || /foreign key/i.test(String((e as Error).message));

/** Deletes the records an import created, in one statement; names the first one still referenced when that fails. */
async function deleteRecords(tx: TxHandle, layer: ImportLayer, codes: string[]): Promise<void> {
	if (!codes.length) return;
	const t = sql.raw(LAYER_SPECS[layer].table);
	await tx.rows(sql`savepoint undo_delete`);
	try {
		await tx.rows(sql`delete from ${t} where code in ${textList(codes)}`);
		await tx.rows(sql`release savepoint undo_delete`);
		return;
	} catch (e) {
		if (!isForeignKeyViolation(e)) throw e;
		await tx.rows(sql`rollback to savepoint undo_delete`);
	}
	// Which one: each on its own (only on this failure path).
	for (const code of codes) {
		try {
			await tx.rows(sql`delete from ${t} where code = ${code}`);
			await tx.rows(sql`release savepoint undo_delete`);
			await tx.rows(sql`savepoint undo_delete`);
		} catch (e) {
			if (isForeignKeyViolation(e)) throw new ImportFileError('import.undo_referenced', { code });
			throw e;
		}
	}
}

async function restoreRecord(tx: TxHandle, layer: ImportLayer, code: string, before: unknown): Promise<void> {
	if (layer === 'plots') {
		const b = before as PlotSnapshot;
		await writePlotAttributes(tx, code, b as never);
		await tx.rows(sql`update plots set boundary = ${geom(b.boundary)}, area_m2 = ST_Area(${geom(b.boundary)}::geography), park_id = ${b.parkId},
			owner_name = ${b.ownerName ?? null} where code = ${code}`);
		return;
	}
	if (layer === 'buildings' || layer === 'units') {
		const b = before as BuildingSnapshot;
		await writeBuildingAttributes(tx, code, b as never);
		await tx.rows(sql`update buildings set footprint = ${geom(b.footprint)}, gross_area_m2 = ${b.grossAreaM2}, leasable_area_m2 = ${b.leasableAreaM2},
			name_zh = ${b.nameZh}, name_en = ${b.nameEn}, park_id = ${b.parkId} where code = ${code}`);
		const [row] = await tx.rows<{ id: number }>(sql`select id from buildings where code = ${code}`);
		const keep = b.units.map((x) => x.id);
		await tx.rows(sql`delete from units where building_id = ${row.id} and id not in ${intList(keep)}`);
		for (const x of b.units) await tx.rows(sql`update units set status = ${x.status}, area_m2 = ${x.areaM2}, version = version + 1 where id = ${x.id}`);
		await recordBuildingMonths(tx, [row.id]);
		return;
	}
	const spec = LAYER_SPECS[layer];
	const t = sql.raw(spec.table);
	const cols = Object.values(spec.columns).map((c) => c.column);
	const sets = cols.map((c) => sql`${sql.raw(c)} = r.${sql.raw(c)}`);
	const g = (before as { geometry: unknown }).geometry;
	const column = spec.geometry!.column;
	sets.push(sql`${sql.raw(column)} = ${layer === 'parks' ? geom(g) : sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(g)}), 4326)`}`);
	if (spec.areaColumn) sets.push(sql`${sql.raw(spec.areaColumn)} = r.${sql.raw(spec.areaColumn)}`);
	if (spec.lengthColumn) sets.push(sql`${sql.raw(spec.lengthColumn)} = r.${sql.raw(spec.lengthColumn)}`);
	if (layer === 'parks') sets.push(sql`version = t.version + 1`, sql`updated_at = now()`);
	await tx.rows(
		sql`update ${t} t set ${sql.join(sets, sql`, `)} from jsonb_populate_record(null::${t}, ${JSON.stringify(before)}::jsonb) r where t.code = ${code}`
	);
}
