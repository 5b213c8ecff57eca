/**
 * The road network (admin and promotion staff), which the tour router plans on: draw a road,
 * change its class, speed, direction or course, delete it. Every write bumps the roads layer
 * in its transaction, and the router keys its graph by that version — so the next tour plan
 * uses the network as it is now. (A whole network is replaced by importing it with
 * "replace the network"; see import/write.ts.)
 */
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireStaff } from '../auth/permissions';
import { recordAudit } from '../audit';
import { bumpLayerVersions } from '../tiles/versions';
import { ConflictError, EditValidationError, NotFoundError } from '../editing/errors';
import type { RoadInput } from '../../domain/admin-schemas';
import type { RoadClass } from '../../domain/vocab';

export interface RoadSnapshot {
	id: number;
	version: number;
	code: string | null;
	nameZh: string;
	nameEn: string;
	roadClass: RoadClass;
	oneway: boolean;
	speedKmh: number;
	lengthM: number;
	coordinates: [number, number][];
}

const COLUMNS = sql`id, version, code, name_zh, name_en, road_class, oneway, speed_kmh, length_m, ST_AsGeoJSON(geom, 7) as geom`;

function snapshotOf(r: Record<string, unknown>): RoadSnapshot {
	return {
		id: Number(r.id),
		version: Number(r.version),
		code: (r.code as string | null) ?? null,
		nameZh: String(r.name_zh),
		nameEn: String(r.name_en),
		roadClass: r.road_class as RoadClass,
		oneway: Boolean(r.oneway),
		speedKmh: Number(r.speed_kmh),
		lengthM: Math.round(Number(r.length_m) * 10) / 10,
		coordinates: (JSON.parse(String(r.geom)) as { coordinates: [number, number][] }).coordinates
	};
}

async function snapshot(tx: Pick<TxHandle, 'rows'>, id: number, lock = false): Promise<RoadSnapshot | null> {
	const [r] = await tx.rows<Record<string, unknown>>(sql`select ${COLUMNS} from roads where id = ${id} ${lock ? sql`for update` : sql``}`);
	return r ? snapshotOf(r) : null;
}

/** One road, for the editor (staff). */
export async function readRoad(db: Pick<Database, 'rows'>, user: SessionUser | null, id: number): Promise<RoadSnapshot> {
	requireStaff(user);
	const r = await snapshot(db, id);
	if (!r) throw new NotFoundError(`No road ${id}.`);
	return r;
}

/** How big the network is, by class (staff). */
export async function roadSummary(db: Pick<Database, 'rows'>, user: SessionUser | null): Promise<{ roadClass: RoadClass; count: number; km: number }[]> {
	requireStaff(user);
	const rows = await db.rows<{ road_class: RoadClass; n: number; m: number }>(
		sql`select road_class, count(*)::int as n, coalesce(sum(length_m), 0)::float8 as m from roads group by road_class order by road_class`
	);
	return rows.map((r) => ({ roadClass: r.road_class, count: Number(r.n), km: Math.round(Number(r.m) / 100) / 10 }));
}

const line = (c: [number, number][]) => sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'LineString', coordinates: c })}), 4326)`;

async function checkLine(tx: TxHandle, coordinates: [number, number][]): Promise<void> {
	const [v] = await tx.rows<{ valid: boolean; len: number }>(
		sql`select ST_IsValid(g) as valid, ST_Length(g::geography) as len from (select ${line(coordinates)} as g) x`
	);
	if (!v.valid || !(Number(v.len) > 0.5)) throw new EditValidationError('A road needs at least two distinct points.', { coordinates: 'admin.road_too_short' });
}

export async function createRoad(db: Database, user: SessionUser | null, input: RoadInput): Promise<RoadSnapshot> {
	const u = requireStaff(user);
	return db.transaction(async (tx) => {
		await checkLine(tx, input.coordinates);
		const g = line(input.coordinates);
		const [r] = await tx.rows<{ id: number }>(sql`insert into roads (name_zh, name_en, road_class, oneway, speed_kmh, geom, length_m)
			values (${input.nameZh}, ${input.nameEn}, ${input.roadClass}, ${input.oneway}, ${input.speedKmh}, ${g}, ST_Length(${g}::geography)) returning id`);
		const after = (await snapshot(tx, Number(r.id)))!;
		await recordAudit(tx, u, 'create', 'road', after.id, null, after);
		await bumpLayerVersions(tx, ['roads']);
		return after;
	});
}

async function locked(tx: TxHandle, id: number, version: number): Promise<RoadSnapshot> {
	const before = await snapshot(tx, id, true);
	if (!before) throw new NotFoundError(`No road ${id}.`);
	if (before.version !== version) throw new ConflictError(before);
	return before;
}

export async function updateRoad(db: Database, user: SessionUser | null, id: number, edit: RoadInput & { version: number }): Promise<RoadSnapshot> {
	const u = requireStaff(user);
	return db.transaction(async (tx) => {
		const before = await locked(tx, id, edit.version);
		await checkLine(tx, edit.coordinates);
		const g = line(edit.coordinates);
		await tx.rows(sql`update roads set name_zh = ${edit.nameZh}, name_en = ${edit.nameEn}, road_class = ${edit.roadClass}, oneway = ${edit.oneway},
			speed_kmh = ${edit.speedKmh}, geom = ${g}, length_m = ST_Length(${g}::geography), version = version + 1, updated_at = now() where id = ${id}`);
		const after = (await snapshot(tx, id))!;
		await recordAudit(tx, u, 'update', 'road', id, before, after);
		await bumpLayerVersions(tx, ['roads']);
		return after;
	});
}

/** Deletes a road (its last state stays in the audit log). */
export async function deleteRoad(db: Database, user: SessionUser | null, id: number, version: number): Promise<void> {
	const u = requireStaff(user);
	await db.transaction(async (tx) => {
		const before = await locked(tx, id, version);
		await tx.rows(sql`delete from roads where id = ${id}`);
		await recordAudit(tx, u, 'delete', 'road', id, before, null);
		await bumpLayerVersions(tx, ['roads']);
	});
}
