/**
 * Facilities (admin and promotion staff): ports, stations, highway exits, universities… for
 * proximity search and tour stops. Create, edit, move, retire (kept with its history, off the
 * map, out of search and tour pickers) and restore; every write audited and the layer bumped.
 */
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireStaff } from '../auth/permissions';
import { recordAudit } from '../audit';
import { bumpLayerVersions } from '../tiles/versions';
import { ConflictError, EditValidationError, NotFoundError } from '../editing/errors';
import { iso } from '../db/values';
import type { FacilityInput } from '../../domain/admin-schemas';
import type { FacilityKind } from '../../domain/vocab';

export interface FacilitySnapshot {
	code: string;
	version: number;
	kind: FacilityKind;
	nameZh: string;
	nameEn: string;
	location: [number, number];
	published: boolean;
	retiredAt: string | null;
}

const COLUMNS = sql`code, version, kind, name_zh, name_en, ST_X(location) as lon, ST_Y(location) as lat, published, retired_at`;

function snapshotOf(r: Record<string, unknown>): FacilitySnapshot {
	return {
		code: String(r.code),
		version: Number(r.version),
		kind: r.kind as FacilityKind,
		nameZh: String(r.name_zh),
		nameEn: String(r.name_en),
		location: [Math.round(Number(r.lon) * 1e7) / 1e7, Math.round(Number(r.lat) * 1e7) / 1e7],
		published: Boolean(r.published),
		retiredAt: iso(r.retired_at) ?? null
	};
}

async function snapshot(tx: Pick<TxHandle, 'rows'>, code: string, lock = false): Promise<FacilitySnapshot | null> {
	const [r] = await tx.rows<Record<string, unknown>>(sql`select ${COLUMNS} from facilities where code = ${code} ${lock ? sql`for update` : sql``}`);
	return r ? snapshotOf(r) : null;
}

/** Every facility, retired ones last (staff). */
export async function listFacilities(db: Pick<Database, 'rows'>, user: SessionUser | null): Promise<FacilitySnapshot[]> {
	requireStaff(user);
	const rows = await db.rows<Record<string, unknown>>(sql`select ${COLUMNS} from facilities order by retired_at nulls first, kind, code`);
	return rows.map(snapshotOf);
}

const point = (p: [number, number]) => sql`ST_SetSRID(ST_MakePoint(${p[0]}::float8, ${p[1]}::float8), 4326)`;

export async function createFacility(db: Database, user: SessionUser | null, input: FacilityInput & { code: string }): Promise<FacilitySnapshot> {
	const u = requireStaff(user);
	return db.transaction(async (tx) => {
		const [taken] = await tx.rows(sql`select 1 from facilities where code = ${input.code}`);
		if (taken) throw new EditValidationError(`A facility with code "${input.code}" exists already.`, { code: 'admin.code_taken' });
		await tx.rows(sql`insert into facilities (code, kind, name_zh, name_en, location, published)
			values (${input.code}, ${input.kind}, ${input.nameZh}, ${input.nameEn}, ${point(input.location)}, ${input.published})`);
		const after = (await snapshot(tx, input.code))!;
		await recordAudit(tx, u, 'create', 'facility', input.code, null, after);
		await bumpLayerVersions(tx, ['facilities']);
		return after;
	});
}

async function locked(tx: TxHandle, code: string, version: number): Promise<FacilitySnapshot> {
	const before = await snapshot(tx, code, true);
	if (!before) throw new NotFoundError(`No facility "${code}".`);
	if (before.version !== version) throw new ConflictError(before);
	return before;
}

/** Edits or moves a facility; a retired one must be restored first. */
export async function updateFacility(
	db: Database,
	user: SessionUser | null,
	code: string,
	edit: FacilityInput & { version: number }
): Promise<FacilitySnapshot> {
	const u = requireStaff(user);
	return db.transaction(async (tx) => {
		const before = await locked(tx, code, edit.version);
		if (before.retiredAt) throw new EditValidationError(`Facility ${code} is retired: restore it before editing it.`, { form: 'edit.retired' });
		await tx.rows(sql`update facilities set kind = ${edit.kind}, name_zh = ${edit.nameZh}, name_en = ${edit.nameEn},
			location = ${point(edit.location)}, published = ${edit.published}, version = version + 1, updated_at = now() where code = ${code}`);
		const after = (await snapshot(tx, code))!;
		await recordAudit(tx, u, 'update', 'facility', code, before, after);
		await bumpLayerVersions(tx, ['facilities']);
		return after;
	});
}

/** Retires a facility (off the map and out of search) or restores it as it was. */
export async function setFacilityRetired(db: Database, user: SessionUser | null, code: string, version: number, retired: boolean): Promise<FacilitySnapshot> {
	const u = requireStaff(user);
	return db.transaction(async (tx) => {
		const before = await locked(tx, code, version);
		if (Boolean(before.retiredAt) === retired)
			throw new EditValidationError(retired ? `Facility ${code} is retired already.` : `Facility ${code} is not retired.`, { form: 'edit.no_change' });
		await tx.rows(sql`update facilities set retired_at = ${retired ? sql`now()` : sql`null`}, published = ${!retired},
			version = version + 1, updated_at = now() where code = ${code}`);
		const after = (await snapshot(tx, code))!;
		await recordAudit(tx, u, retired ? 'retire' : 'restore', 'facility', code, before, after);
		await bumpLayerVersions(tx, ['facilities']);
		return after;
	});
}
