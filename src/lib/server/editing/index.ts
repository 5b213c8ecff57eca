/**
 * Every write of the console. Each runs in one transaction that locks the row, checks the
 * editor's park scope and the record's version, writes, records exactly one audit entry
 * (who, when, what, before and after) and bumps the layer's data version, so the next tile
 * and search reflect the change and no cached tile is stale.
 */
import { sql, type SQL } from 'drizzle-orm';
import { textList } from '../db/lists';
import { booleanValid } from '@turf/turf';
import type { Geometry } from 'geojson';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireParkEditor, requireUser } from '../auth/permissions';
import { bumpLayerVersions } from '../tiles/versions';
import { canTransition } from '../../domain/status';
import type { BuildingEdit, HistoryEntry, PlotEdit } from '../../domain/edit-schemas';
import type { SupplyStatus } from '../../domain/vocab';
import { ConflictError, EditValidationError, NotFoundError } from './errors';
import { recordAudit } from '../audit';
import { plotAttributesOf } from '../sites/details';
import { iso, num, parseJson } from '../db/values';
import { taxTierOf } from '../../domain/building-economy';
import { checkPolygonal } from '../../geo/geometry-schema';
import { detectCases } from '../land/detect';
import { followCases } from '../land/follow';
import { recordBuildingMonths } from '../economy/months';

export * from './errors';

/** Plots may overlap a neighbour by this much (survey slivers) before a boundary is refused. */
export const OVERLAP_TOLERANCE_M2 = 5;
/** A boundary may stray this far outside its park (digitising tolerance), metres. */
export const PARK_TOLERANCE_M = 2;

type Entity = 'plot' | 'building';

/**
 * A record's state, checked: it exists, the user edits its park and, for a write, the version
 * read is current and the record is not retired (it is restored first).
 */
export function writable<S extends { parkId: number; version: number; retiredAt: string | null }>(
	user: SessionUser | null,
	entity: Entity,
	code: string,
	state: S | null,
	version?: number,
	opts: { retired?: boolean } = {}
): S {
	const u = requireUser(user);
	if (!state) throw new NotFoundError(`No ${entity} "${code}".`);
	requireParkEditor(u, state.parkId);
	if (version !== undefined && state.version !== version) throw new ConflictError(state);
	if (version !== undefined && state.retiredAt && !opts.retired) {
		throw new EditValidationError(`The ${entity} ${code} is retired: restore it before changing it.`, { form: 'edit.retired' });
	}
	return state;
}

/** After a write: the record as it is now, its one audit entry, and its layer's next data version. */
export async function recorded<S>(
	tx: TxHandle,
	user: SessionUser | null,
	action: 'create' | 'update' | 'restore' | 'retire',
	entity: Entity,
	code: string,
	before: S,
	snapshot: (tx: TxHandle, code: string) => Promise<S | null>
): Promise<S> {
	const after = (await snapshot(tx, code))!;
	await recordAudit(tx, user!, action, entity, code, action === 'create' ? null : before, after);
	await bumpLayerVersions(tx, [entity === 'plot' ? 'plots' : 'buildings']);
	return after;
}

/**
 * The write's permission, checked before its body is even read: signed in (401), the record
 * exists (404) and lies in one of the user's parks (403). The write checks again under its lock.
 */
export async function requireRecordScope(db: Pick<Database, 'rows'>, user: SessionUser | null, entity: Entity, code: string): Promise<void> {
	const u = requireUser(user);
	const [r] = await db.rows<{ park_id: number }>(sql`select park_id from ${entity === 'plot' ? sql`plots` : sql`buildings`} where code = ${code}`);
	if (!r) throw new NotFoundError(`No ${entity} "${code}".`);
	requireParkEditor(u, Number(r.park_id));
}

// ------------------------------------------------------------------ plots

const PLOT_SNAPSHOT_COLUMNS = sql`id, code, park_id, version, supply_status, land_use, plot_ratio_min, plot_ratio_max, building_density_max,
	green_ratio_max, height_limit_m, lease_term_years, price_wan_per_mu, readiness, readiness_items, is_idle,
	is_low_efficiency, disposal_method, disposal_deadline::text, available_from::text, notes, published,
	confirmed_at, area_m2, owner_name, retired_at, ST_AsGeoJSON(boundary, 7) as boundary`;

function plotSnapshotOf(r: Record<string, unknown>) {
	return {
		id: Number(r.id),
		code: String(r.code),
		parkId: Number(r.park_id),
		version: Number(r.version),
		...plotAttributesOf(r),
		supplyStatus: r.supply_status as SupplyStatus,
		notes: String(r.notes),
		ownerName: (r.owner_name as string | null) ?? null,
		published: Boolean(r.published),
		retiredAt: iso(r.retired_at),
		boundary: JSON.parse(String(r.boundary)) as Geometry
	};
}

/** The editable state of a plot, as the audit log and the console see it. */
export async function plotSnapshot(tx: Pick<TxHandle, 'rows'>, code: string, lock = false) {
	const [r] = await tx.rows<Record<string, unknown>>(sql`select ${PLOT_SNAPSHOT_COLUMNS} from plots where code = ${code} ${lock ? sql`for update` : sql``}`);
	return r ? plotSnapshotOf(r) : null;
}

/** The states of many plots at once (imports), by code. */
export async function plotSnapshots(tx: Pick<TxHandle, 'rows'>, codes: string[]): Promise<Map<string, PlotSnapshot>> {
	const rows = codes.length ? await tx.rows<Record<string, unknown>>(sql`select ${PLOT_SNAPSHOT_COLUMNS} from plots where code in ${textList(codes)}`) : [];
	return new Map(rows.map((r) => [String(r.code), plotSnapshotOf(r)]));
}
export type PlotSnapshot = NonNullable<Awaited<ReturnType<typeof plotSnapshot>>>;

/** Locks a plot, checks scope and version; returns its state before the write. */
async function lockPlot(tx: TxHandle, user: SessionUser | null, code: string, version: number): Promise<PlotSnapshot> {
	return writable(user, 'plot', code, await plotSnapshot(tx, code, true), version);
}

type PlotAttributes = Omit<PlotEdit, 'version'>;

/** Writes a plot's editable attributes and bumps its version (shared by edits and restores). */
export async function writePlotAttributes(tx: TxHandle, code: string, a: PlotAttributes) {
	await tx.rows(sql`
		update plots set supply_status = ${a.supplyStatus}, land_use = ${a.landUse},
			plot_ratio_min = ${a.plotRatioMin}, plot_ratio_max = ${a.plotRatioMax},
			building_density_max = ${a.buildingDensityMax}, green_ratio_max = ${a.greenRatioMax},
			height_limit_m = ${a.heightLimitM}, lease_term_years = ${a.leaseTermYears},
			price_wan_per_mu = ${a.priceWanPerMu}, readiness = ${a.readiness},
			readiness_items = string_to_array(${a.readinessItems.join(',')}, ','),
			is_idle = ${a.isIdle}, is_low_efficiency = ${a.isLowEfficiency},
			disposal_method = ${a.disposalMethod}, disposal_deadline = ${a.disposalDeadline}::date,
			available_from = ${a.availableFrom}::date, notes = ${a.notes}, published = ${a.published},
			version = version + 1, updated_at = now()
		where code = ${code}`);
}

export async function updatePlot(db: Database, user: SessionUser | null, code: string, edit: PlotEdit): Promise<PlotSnapshot> {
	return db.transaction(async (tx) => {
		const before = await lockPlot(tx, user, code, edit.version);
		if (!canTransition(before.supplyStatus, edit.supplyStatus)) {
			throw new EditValidationError(`A plot cannot go from "${before.supplyStatus}" to "${edit.supplyStatus}" in one step.`, {
				supplyStatus: 'edit.bad_transition'
			});
		}
		refuseCaseFlags(before, edit);
		await writePlotAttributes(tx, code, edit);
		// A new status can start (or end) a suspicion; the board shows it with this write.
		await detectCases(tx, new Date(), [before.id]);
		return recorded(tx, user, 'update', 'plot', code, before, plotSnapshot);
	});
}

/**
 * Redraws a plot's boundary. Refused, with the reason and where it is, when the shape is not
 * a valid polygon, leaves its park, or overlaps another plot beyond the tolerance. The area
 * is recomputed on the geography.
 */
export async function updatePlotBoundary(db: Database, user: SessionUser | null, code: string, version: number, geometry: Geometry): Promise<PlotSnapshot> {
	const checked = checkPolygonal(geometry);
	if ('issue' in checked) throw new EditValidationError(checked.issue.message, { geometry: checked.issue.key });
	geometry = checked.geometry;
	let turfValid = false;
	try {
		turfValid = booleanValid(geometry);
	} catch {
		turfValid = false;
	}
	return db.transaction(async (tx) => {
		const before = await lockPlot(tx, user, code, version);
		const g = boundarySql(geometry);
		await checkBoundary(tx, before.parkId, code, g, turfValid);
		await tx.rows(sql`
			update plots set boundary = ${g}, area_m2 = ST_Area(${g}::geography), version = version + 1, updated_at = now()
			where code = ${code}`);
		return recorded(tx, user, 'update', 'plot', code, before, plotSnapshot);
	});
}

/**
 * Idle and low-efficiency flags, the disposal method and its deadline are what the plot's land
 * cases decided (the disposal board): an edit that would change them is refused, not ignored.
 */
export function refuseCaseFlags(
	before: { isIdle: boolean; isLowEfficiency: boolean; disposalMethod: string | null; disposalDeadline: string | null },
	edit: PlotAttributes
) {
	const changed = (['isIdle', 'isLowEfficiency', 'disposalMethod', 'disposalDeadline'] as const).filter((k) => (before[k] ?? null) !== (edit[k] ?? null));
	if (changed.length) {
		throw new EditValidationError(`${changed.join(', ')} follow the plot's land cases: change them on the disposal board.`, {
			[changed[0]]: 'land.flags_from_cases'
		});
	}
}

export const boundarySql = (geometry: Geometry) => sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(geometry)}), 4326))`;

/**
 * The rules every stored plot boundary keeps, for edits and restores alike: a valid polygon,
 * inside its park (within the digitising tolerance), overlapping no other plot by more than
 * the sliver tolerance. Refused with the reason and where it is, to draw on the map.
 */
export async function checkBoundary(tx: TxHandle, parkId: number, code: string, g: SQL, turfValid = true, entity: Entity = 'plot'): Promise<void> {
	const [v] = await tx.rows<{ valid: boolean; reason: string; location: string | null }>(sql`
		select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason, ST_AsGeoJSON((ST_IsValidDetail(g)).location) as location
		from (select ${g} as g) x`);
	if (!v.valid || !turfValid) {
		throw new EditValidationError(
			`The boundary is not a valid polygon: ${v.valid ? 'rings are not closed or too short' : v.reason}.`,
			{ geometry: 'edit.invalid_geometry' },
			[{ reason: v.valid ? 'invalid' : v.reason, geometry: v.location ? JSON.parse(v.location) : null }]
		);
	}
	const [outside] = await tx.rows<{ outside: string | null }>(sql`
		select case when ST_Covers(ST_Buffer(k.boundary::geography, ${PARK_TOLERANCE_M})::geometry, ${g}) then null
			else ST_AsGeoJSON(ST_Difference(${g}, k.boundary)) end as outside
		from parks k where k.id = ${parkId}`);
	if (outside.outside) {
		throw new EditValidationError('The boundary goes outside its park.', { geometry: 'edit.outside_park' }, [
			{ reason: 'outside_park', geometry: JSON.parse(outside.outside) }
		]);
	}
	// Plots against plots, buildings against buildings; retired records hold no ground.
	const others = entity === 'plot' ? sql`select code, boundary as shape from plots` : sql`select code, footprint as shape from buildings`;
	const overlaps = await tx.rows<{ code: string; area: number; geom: string }>(sql`
		select p.code, ST_Area(ST_Intersection(p.shape, ${g})::geography) as area, ST_AsGeoJSON(ST_Intersection(p.shape, ${g})) as geom
		from (${others} where code <> ${code} and retired_at is null) p where ST_Intersects(p.shape, ${g})`);
	const real = overlaps.filter((o) => Number(o.area) > OVERLAP_TOLERANCE_M2);
	if (real.length) {
		throw new EditValidationError(
			`The boundary overlaps ${real.map((o) => `${o.code} (${Math.round(Number(o.area))} m²)`).join(', ')}.`,
			{ geometry: 'edit.overlap' },
			real.map((o) => ({ reason: `overlaps ${o.code}`, geometry: JSON.parse(o.geom) })),
			{
				key: entity === 'plot' ? 'edit.overlap_plots' : 'edit.overlap_buildings',
				params: { codes: real.map((o) => o.code).join(', '), m2: Math.round(real.reduce((sum, o) => sum + Number(o.area), 0)) }
			}
		);
	}
}

/** A park's boundary, for drawing the limit a plot boundary must stay within. */
export async function parkBoundary(db: Pick<Database, 'rows'>, parkId: number): Promise<Geometry> {
	const [park] = await db.rows<{ boundary: string }>(sql`select ST_AsGeoJSON(boundary, 7) as boundary from parks where id = ${parkId}`);
	return JSON.parse(park.boundary) as Geometry;
}

/** The editable state of a plot for an editor of its park. */
export async function readPlot(db: Database, user: SessionUser | null, code: string): Promise<PlotSnapshot> {
	return writable(user, 'plot', code, await plotSnapshot(db, code));
}

// ------------------------------------------------------------------ buildings

const BUILDING_SNAPSHOT_COLUMNS = sql`id, code, park_id, version, kind, floors, rent_yuan_per_m2_day, owner_name, operator_name, business_formats,
	tax_tier, annual_tax_wan, manager_name, manager_phone, published, retired_at, confirmed_at, name_zh, name_en, gross_area_m2, leasable_area_m2, ST_AsGeoJSON(footprint, 7) as footprint,
	coalesce((select json_agg(json_build_object('id', u.id, 'floor', u.floor, 'unitNo', u.unit_no, 'areaM2', u.area_m2,
		'status', u.status) order by u.floor, u.unit_no) from units u where u.building_id = b.id), '[]'::json) as units`;

function buildingSnapshotOf(r: Record<string, unknown>) {
	return {
		id: Number(r.id),
		code: String(r.code),
		parkId: Number(r.park_id),
		version: Number(r.version),
		nameZh: String(r.name_zh),
		nameEn: String(r.name_en),
		kind: String(r.kind),
		floors: Number(r.floors),
		grossAreaM2: Number(r.gross_area_m2),
		leasableAreaM2: Number(r.leasable_area_m2),
		rentYuanPerM2Day: num(r.rent_yuan_per_m2_day),
		ownerName: String(r.owner_name),
		operatorName: (r.operator_name as string) ?? null,
		businessFormats: (r.business_formats as string[]) ?? [],
		taxTier: String(r.tax_tier),
		annualTaxWan: num(r.annual_tax_wan),
		managerName: (r.manager_name as string | null) ?? null,
		managerPhone: (r.manager_phone as string | null) ?? null,
		published: Boolean(r.published),
		retiredAt: iso(r.retired_at),
		confirmedAt: iso(r.confirmed_at)!,
		footprint: JSON.parse(String(r.footprint)) as Geometry,
		units: parseJson<{ id: number; floor: number; unitNo: string; areaM2: number; status: string }[]>(r.units)
	};
}

export async function buildingSnapshot(tx: Pick<TxHandle, 'rows'>, code: string, lock = false) {
	const [r] = await tx.rows<Record<string, unknown>>(
		sql`select ${BUILDING_SNAPSHOT_COLUMNS} from buildings b where code = ${code} ${lock ? sql`for update` : sql``}`
	);
	return r ? buildingSnapshotOf(r) : null;
}

/** The states of many buildings at once (imports), by code. */
export async function buildingSnapshots(tx: Pick<TxHandle, 'rows'>, codes: string[]): Promise<Map<string, BuildingSnapshot>> {
	const rows = codes.length
		? await tx.rows<Record<string, unknown>>(sql`select ${BUILDING_SNAPSHOT_COLUMNS} from buildings b where code in ${textList(codes)}`)
		: [];
	return new Map(rows.map((r) => [String(r.code), buildingSnapshotOf(r)]));
}
export type BuildingSnapshot = NonNullable<Awaited<ReturnType<typeof buildingSnapshot>>>;

/** The editable state of a building for an editor of its park. */
export async function readBuilding(db: Database, user: SessionUser | null, code: string): Promise<BuildingSnapshot> {
	return writable(user, 'building', code, await buildingSnapshot(db, code));
}

async function lockBuilding(tx: TxHandle, user: SessionUser | null, code: string, version: number): Promise<BuildingSnapshot> {
	return writable(user, 'building', code, await buildingSnapshot(tx, code, true), version);
}

type BuildingAttributes = Omit<BuildingEdit, 'version'>;

/** Writes a building's editable attributes and bumps its version (shared by edits and restores). */
export async function writeBuildingAttributes(tx: TxHandle, code: string, a: BuildingAttributes) {
	await tx.rows(sql`
		update buildings set kind = ${a.kind}, floors = ${a.floors}, rent_yuan_per_m2_day = ${a.rentYuanPerM2Day},
			owner_name = ${a.ownerName}, operator_name = ${a.operatorName},
			business_formats = string_to_array(${a.businessFormats.join('\u001f')}, ${'\u001f'}),
			tax_tier = ${a.annualTaxWan === undefined || a.annualTaxWan === null ? a.taxTier : taxTierOf(a.annualTaxWan)},
			annual_tax_wan = ${a.annualTaxWan === undefined ? sql`annual_tax_wan` : a.annualTaxWan},
			manager_name = ${a.managerName === undefined ? sql`manager_name` : a.managerName},
			manager_phone = ${a.managerPhone === undefined ? sql`manager_phone` : a.managerPhone},
			published = ${a.published}, version = version + 1, updated_at = now()
		where code = ${code}`);
}

export async function updateBuilding(db: Database, user: SessionUser | null, code: string, edit: BuildingEdit): Promise<BuildingSnapshot> {
	return db.transaction(async (tx) => {
		const before = await lockBuilding(tx, user, code, edit.version);
		await writeBuildingAttributes(tx, code, edit);
		await recordBuildingMonths(tx, [before.id]);
		return recorded(tx, user, 'update', 'building', code, before, buildingSnapshot);
	});
}

/** Changes units of one building (status, area); the building's occupancy follows from them. One audit entry. */
export async function updateUnits(
	db: Database,
	user: SessionUser | null,
	code: string,
	version: number,
	changes: { id: number; status: string; areaM2: number }[]
): Promise<BuildingSnapshot> {
	return db.transaction(async (tx) => {
		const before = await lockBuilding(tx, user, code, version);
		const own = new Set(before.units.map((u) => u.id));
		const foreign = changes.filter((c) => !own.has(c.id));
		if (foreign.length)
			throw new EditValidationError(`Units ${foreign.map((f) => f.id).join(', ')} do not belong to building ${code}.`, { units: 'form.invalid' });
		for (const c of changes) {
			await tx.rows(sql`update units set status = ${c.status}, area_m2 = ${c.areaM2}, version = version + 1, updated_at = now()
				where id = ${c.id} and building_id = ${before.id}`);
		}
		await tx.rows(sql`update buildings set version = version + 1, updated_at = now() where id = ${before.id}`);
		await recordBuildingMonths(tx, [before.id]);
		return recorded(tx, user, 'update', 'building', code, before, buildingSnapshot);
	});
}

// ------------------------------------------------------------------ freshness

/** Confirms records as still accurate: one audit entry each, in one transaction. */
export async function confirmRecords(db: Database, user: SessionUser | null, items: { kind: Entity; code: string }[]): Promise<number> {
	const u = requireUser(user);
	return db.transaction(async (tx) => {
		for (const item of items) {
			const table = item.kind === 'plot' ? sql`plots` : sql`buildings`;
			const [r] = await tx.rows<{ park_id: number; confirmed_at: Date | string; version: number }>(
				sql`select park_id, confirmed_at, version from ${table} where code = ${item.code} for update`
			);
			if (!r) throw new NotFoundError(`No ${item.kind} "${item.code}".`);
			requireParkEditor(u, Number(r.park_id));
			const [after] = await tx.rows<{ confirmed_at: Date | string; version: number }>(
				sql`update ${table} set confirmed_at = now(), version = version + 1 where code = ${item.code} returning confirmed_at, version`
			);
			await recordAudit(
				tx,
				u,
				'confirm',
				item.kind,
				item.code,
				{ confirmedAt: r.confirmed_at, version: Number(r.version) },
				{
					confirmedAt: after.confirmed_at,
					version: Number(after.version)
				}
			);
		}
		await bumpLayerVersions(tx, [...new Set(items.map((i) => (i.kind === 'plot' ? 'plots' : 'buildings') as 'plots' | 'buildings'))]);
		return items.length;
	});
}

// ------------------------------------------------------------------ history

export type { HistoryEntry };

export async function history(db: Database, entity: Entity, code: string): Promise<HistoryEntry[]> {
	const rows = await db.rows<{ id: number; at: Date | string; action: string; user: string | null; before: unknown; after: unknown }>(sql`
		select a.id, a.at, a.action, u.display_name as user, a.before, a.after
		from audit_entries a left join users u on u.id = a.user_id
		where a.entity = ${entity} and a.entity_id = ${code} order by a.id desc limit 200`);
	return rows.map((r) => ({
		id: Number(r.id),
		at: iso(r.at)!,
		action: r.action,
		user: r.user,
		before: parseJson(r.before),
		after: parseJson(r.after)
	}));
}

/**
 * Restores a record to the state recorded before an audited write (its `before`): attributes,
 * and for plots the boundary. The restore is itself a write with its own audit entry.
 */
export async function restore(db: Database, user: SessionUser | null, entity: Entity, code: string, auditId: number, version: number) {
	// Scope first: someone outside the park learns nothing about its history.
	if (entity === 'plot') await readPlot(db, user, code);
	else await readBuilding(db, user, code);
	const [entry] = await db.rows<{ before: unknown; action: string }>(
		sql`select before, action from audit_entries where id = ${auditId} and entity = ${entity} and entity_id = ${code}`
	);
	if (!entry) throw new NotFoundError(`No history entry ${auditId} for ${entity} ${code}.`);
	const target = parseJson<Record<string, unknown>>(entry.before);
	if (entry.action === 'confirm' || !target || !('version' in target) || !('code' in target)) {
		throw new EditValidationError('Only edits can be restored; a confirmation has nothing to undo.');
	}
	return db.transaction(async (tx) => {
		if (entity === 'plot') {
			const before = await lockPlot(tx, user, code, version);
			// The snapshot was read from CHECK-constrained columns, so its values are the vocabulary's.
			const t = target as unknown as PlotSnapshot & PlotAttributes;
			// A restore is a write like any other: the status move and the boundary rules hold.
			if (!canTransition(before.supplyStatus, t.supplyStatus)) {
				throw new EditValidationError(`Restoring would move the plot from "${before.supplyStatus}" to "${t.supplyStatus}", which is not allowed in one step.`, {
					supplyStatus: 'edit.bad_transition'
				});
			}
			const g = boundarySql(t.boundary);
			if (JSON.stringify(t.boundary) !== JSON.stringify(before.boundary)) await checkBoundary(tx, before.parkId, code, g);
			await writePlotAttributes(tx, code, t);
			await tx.rows(sql`update plots set boundary = ${g}, area_m2 = ST_Area(${g}::geography) where code = ${code}`);
			// The flags are the cases' (an old image may hold other ones).
			await followCases(tx, [before.id], { bump: false });
			await detectCases(tx, new Date(), [before.id]);
			return recorded(tx, user, 'restore', 'plot', code, before, plotSnapshot);
		}
		const before = await lockBuilding(tx, user, code, version);
		const t = target as unknown as BuildingSnapshot & BuildingAttributes;
		await writeBuildingAttributes(tx, code, t);
		// Entries written before footprints were part of the snapshot have none: the footprint stays.
		if (t.footprint && JSON.stringify(t.footprint) !== JSON.stringify(before.footprint)) {
			await tx.rows(sql`update buildings set footprint = ${boundarySql(t.footprint)}, gross_area_m2 = ${t.grossAreaM2}, leasable_area_m2 = ${t.leasableAreaM2}
				where code = ${code}`);
		}
		for (const u of t.units) await tx.rows(sql`update units set status = ${u.status}, area_m2 = ${u.areaM2} where id = ${u.id} and building_id = ${before.id}`);
		await recordBuildingMonths(tx, [before.id]);
		return recorded(tx, user, 'restore', 'building', code, before, buildingSnapshot);
	});
}
