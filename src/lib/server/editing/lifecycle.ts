/**
 * New and retired records (editors in their parks, staff, admins). A plot or building is
 * created by drawing it, under the same rules as a boundary edit (a valid polygon, inside its
 * park, overlapping nothing of its kind beyond the sliver tolerance). Retiring keeps the
 * record and its history but takes it off the public map and out of the finder; restoring
 * brings it back as it was, after checking that its ground is still free.
 */
import { sql } from 'drizzle-orm';
import { booleanValid } from '@turf/turf';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireParkEditor, requireUser } from '../auth/permissions';
import { EditValidationError, NotFoundError } from './errors';
import { boundarySql, buildingSnapshot, checkBoundary, plotSnapshot, recorded, refuseCaseFlags, writable, type BuildingSnapshot, type PlotSnapshot } from '.';
import { parseJson } from '../db/values';
import type { BuildingCreate, PlotCreate } from '../../domain/edit-schemas';
import type { Geometry } from 'geojson';
import { detectCases } from '../land/detect';
import { recordBuildingMonths } from '../economy/months';

type Entity = 'plot' | 'building';

/**
 * The park a new record goes into, checked before the body is read: signed in (401), the park
 * exists (404) and the user edits it (403). Returns its id.
 */
export async function requireParkScope(db: Pick<Database, 'rows'>, user: SessionUser | null, parkCode: string | null): Promise<number> {
	const u = requireUser(user);
	if (!parkCode) throw new EditValidationError('Say which park the record goes into (?park=CODE).', { park: 'form.required' });
	const [p] = await db.rows<{ id: number }>(sql`select id from parks where code = ${parkCode}`);
	if (!p) throw new NotFoundError(`No park "${parkCode}".`);
	requireParkEditor(u, Number(p.id));
	return Number(p.id);
}

function turfValid(g: Geometry): boolean {
	try {
		return booleanValid(g);
	} catch {
		return false;
	}
}

async function codeFree(tx: TxHandle, entity: Entity, code: string): Promise<void> {
	const [r] = await tx.rows<{ retired: boolean }>(
		sql`select retired_at is not null as retired from ${entity === 'plot' ? sql`plots` : sql`buildings`} where code = ${code}`
	);
	if (r) {
		throw new EditValidationError(
			r.retired ? `The code ${code} belongs to a retired ${entity}: restore that one, or choose another code.` : `The code ${code} is taken.`,
			{ code: r.retired ? 'edit.code_retired' : 'admin.code_taken' }
		);
	}
}

/** Creates a plot drawn on the map, in a park the user edits. */
export async function createPlot(db: Database, user: SessionUser | null, parkCode: string, input: PlotCreate): Promise<PlotSnapshot> {
	const u = requireUser(user);
	return db.transaction(async (tx) => {
		const parkId = await requireParkScope(tx, u, parkCode);
		await codeFree(tx, 'plot', input.code);
		// A new plot has no land cases, so nothing has decided it is idle or low-efficiency yet.
		refuseCaseFlags({ isIdle: false, isLowEfficiency: false, disposalMethod: null, disposalDeadline: null }, input);
		const g = boundarySql(input.boundary);
		await checkBoundary(tx, parkId, input.code, g, turfValid(input.boundary));
		await tx.rows(sql`
			insert into plots (code, park_id, boundary, area_m2, land_use, plot_ratio_min, plot_ratio_max, building_density_max, green_ratio_max,
				height_limit_m, lease_term_years, price_wan_per_mu, readiness, readiness_items, supply_status, is_idle, is_low_efficiency,
				disposal_method, disposal_deadline, available_from, owner_name, notes, published)
			values (${input.code}, ${parkId}, ${g}, ST_Area(${g}::geography), ${input.landUse}, ${input.plotRatioMin}, ${input.plotRatioMax},
				${input.buildingDensityMax}, ${input.greenRatioMax}, ${input.heightLimitM}, ${input.leaseTermYears}, ${input.priceWanPerMu},
				${input.readiness}, string_to_array(${input.readinessItems.join(',')}, ','), ${input.supplyStatus}, ${input.isIdle},
				${input.isLowEfficiency}, ${input.disposalMethod}, ${input.disposalDeadline}::date, ${input.availableFrom}::date,
				${input.ownerName}, ${input.notes}, ${input.published})`);
		const [{ id }] = await tx.rows<{ id: number }>(sql`select id from plots where code = ${input.code}`);
		await detectCases(tx, new Date(), [Number(id)]);
		return (await recorded(tx, u, 'create', 'plot', input.code, null, plotSnapshot))!;
	});
}

/** Creates a building drawn on the map; it belongs to the plot it stands on, when there is one. */
export async function createBuilding(db: Database, user: SessionUser | null, parkCode: string, input: BuildingCreate): Promise<BuildingSnapshot> {
	const u = requireUser(user);
	return db.transaction(async (tx) => {
		const parkId = await requireParkScope(tx, u, parkCode);
		await codeFree(tx, 'building', input.code);
		const g = boundarySql(input.footprint);
		await checkBoundary(tx, parkId, input.code, g, turfValid(input.footprint), 'building');
		await tx.rows(sql`
			insert into buildings (code, park_id, plot_id, name_zh, name_en, footprint, kind, floors, gross_area_m2, leasable_area_m2,
				rent_yuan_per_m2_day, owner_name, operator_name, business_formats, tax_tier, published)
			values (${input.code}, ${parkId},
				(select p.id from plots p where p.park_id = ${parkId} and p.retired_at is null and ST_Covers(p.boundary, ST_PointOnSurface(${g})) limit 1),
				${input.nameZh}, ${input.nameEn}, ${g}, ${input.kind}, ${input.floors}, ${input.grossAreaM2}, ${input.leasableAreaM2},
				${input.rentYuanPerM2Day}, ${input.ownerName}, ${input.operatorName},
				string_to_array(${input.businessFormats.join('\u001f')}, ${'\u001f'}), ${input.taxTier}, ${input.published})`);
		const [{ id }] = await tx.rows<{ id: number }>(sql`select id from buildings where code = ${input.code}`);
		await recordBuildingMonths(tx, [Number(id)]);
		return (await recorded(tx, u, 'create', 'building', input.code, null, buildingSnapshot))!;
	});
}

const table = (entity: Entity) => (entity === 'plot' ? sql`plots` : sql`buildings`);

/** Retires a record: unpublished and marked retired, its history kept; restorable. */
export async function retireRecord(
	db: Database,
	user: SessionUser | null,
	entity: Entity,
	code: string,
	version: number
): Promise<PlotSnapshot | BuildingSnapshot> {
	return db.transaction(async (tx) => {
		const snap = entity === 'plot' ? plotSnapshot : buildingSnapshot;
		const before = writable(user, entity, code, await snap(tx, code, true), version, { retired: true });
		if (before.retiredAt) throw new EditValidationError(`The ${entity} ${code} is retired already.`, { form: 'edit.no_change' });
		await tx.rows(sql`update ${table(entity)} set retired_at = now(), published = false, version = version + 1, updated_at = now() where code = ${code}`);
		return (await recorded(
			tx,
			user,
			'retire',
			entity,
			code,
			before as PlotSnapshot | BuildingSnapshot,
			snap as (tx: TxHandle, code: string) => Promise<PlotSnapshot | BuildingSnapshot | null>
		))!;
	});
}

/**
 * Brings a retired record back as it was when it was retired (published again if it was),
 * after the boundary rules: its ground may have been given to another record meanwhile.
 */
export async function reinstateRecord(
	db: Database,
	user: SessionUser | null,
	entity: Entity,
	code: string,
	version: number
): Promise<PlotSnapshot | BuildingSnapshot> {
	return db.transaction(async (tx) => {
		const snap = entity === 'plot' ? plotSnapshot : buildingSnapshot;
		const before = writable(user, entity, code, await snap(tx, code, true), version, { retired: true });
		if (!before.retiredAt) throw new EditValidationError(`The ${entity} ${code} is not retired.`, { form: 'edit.no_change' });
		const shape = entity === 'plot' ? (before as PlotSnapshot).boundary : (before as BuildingSnapshot).footprint;
		await checkBoundary(tx, before.parkId, code, boundarySql(shape), true, entity);
		const [retirement] = await tx.rows<{ before: unknown }>(
			sql`select before from audit_entries where entity = ${entity} and entity_id = ${code} and action = 'retire' order by id desc limit 1`
		);
		const wasPublished = Boolean(parseJson<{ published?: boolean } | null>(retirement?.before ?? null)?.published);
		await tx.rows(
			sql`update ${table(entity)} set retired_at = null, published = ${wasPublished}, version = version + 1, updated_at = now() where code = ${code}`
		);
		return (await recorded(
			tx,
			user,
			'restore',
			entity,
			code,
			before as PlotSnapshot | BuildingSnapshot,
			snap as (tx: TxHandle, code: string) => Promise<PlotSnapshot | BuildingSnapshot | null>
		))!;
	});
}
