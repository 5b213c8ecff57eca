/**
 * Parks (admin): create and edit a park — names, kind, parent, boundary, operator, public
 * contact, profile, industry positioning and the published flag. The boundary rules hold for
 * every write: a valid polygon; a park within a park inside its parent; every plot of the
 * park and every park within it inside the new boundary — an edit that would break one is
 * refused with the offending records named and drawn.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Geometry } from 'geojson';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireAdmin } from '../auth/permissions';
import { recordAudit } from '../audit';
import { bumpLayerVersions } from '../tiles/versions';
import { ConflictError, EditValidationError, NotFoundError } from '../editing/errors';
import { PARK_TOLERANCE_M } from '../editing';
import { textList } from '../db/lists';
import { parseJson } from '../db/values';
import type { ParkCreate, ParkEdit } from '../../domain/admin-schemas';
import type { ParkKind } from '../../domain/vocab';

const geom = (g: Geometry) => sql`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(g)}), 4326))`;

export interface ParkSnapshot {
	id: number;
	code: string;
	version: number;
	nameZh: string;
	nameEn: string;
	kind: ParkKind;
	parentCode: string | null;
	operatorZh: string;
	operatorEn: string;
	contactName: string | null;
	contactPhone: string | null;
	contactEmail: string | null;
	profileZh: string;
	profileEn: string;
	industries: { code: string; leading: boolean }[];
	chains: string[];
	published: boolean;
	areaM2: number;
	boundary: Geometry;
}

const SNAPSHOT = sql`p.id, p.code, p.version, p.name_zh, p.name_en, p.kind, parent.code as parent_code, p.operator_zh, p.operator_en,
	p.contact_name, p.contact_phone, p.contact_email, p.profile_zh, p.profile_en, p.published, p.area_m2,
	ST_AsGeoJSON(p.boundary, 7) as boundary,
	coalesce((select json_agg(json_build_object('code', i.code, 'leading', pi.is_leading) order by pi.is_leading desc, i.sort_order, i.id)
		from park_industries pi join industries i on i.id = pi.industry_id where pi.park_id = p.id), '[]'::json) as industries,
	coalesce((select json_agg(c.code order by c.sort_order, c.id) from park_chains pc join chains c on c.id = pc.chain_id where pc.park_id = p.id), '[]'::json) as chains`;

function snapshotOf(r: Record<string, unknown>): ParkSnapshot {
	return {
		id: Number(r.id),
		code: String(r.code),
		version: Number(r.version),
		nameZh: String(r.name_zh),
		nameEn: String(r.name_en),
		kind: r.kind as ParkKind,
		parentCode: (r.parent_code as string | null) ?? null,
		operatorZh: String(r.operator_zh),
		operatorEn: String(r.operator_en),
		contactName: (r.contact_name as string | null) ?? null,
		contactPhone: (r.contact_phone as string | null) ?? null,
		contactEmail: (r.contact_email as string | null) ?? null,
		profileZh: String(r.profile_zh),
		profileEn: String(r.profile_en),
		industries: parseJson<{ code: string; leading: boolean }[]>(r.industries),
		chains: parseJson<string[]>(r.chains),
		published: Boolean(r.published),
		areaM2: Number(r.area_m2),
		boundary: JSON.parse(String(r.boundary)) as Geometry
	};
}

export async function parkSnapshot(tx: Pick<TxHandle, 'rows'>, code: string, lock = false): Promise<ParkSnapshot | null> {
	const [r] = await tx.rows<Record<string, unknown>>(
		sql`select ${SNAPSHOT} from parks p left join parks parent on parent.id = p.parent_id where p.code = ${code} ${lock ? sql`for update of p` : sql``}`
	);
	return r ? snapshotOf(r) : null;
}

export interface ParkListItem {
	code: string;
	nameZh: string;
	nameEn: string;
	kind: ParkKind;
	parentCode: string | null;
	published: boolean;
	areaM2: number;
	plots: number;
	buildings: number;
}

/** Every park, for the administrator's list. */
export async function listParks(db: Pick<Database, 'rows'>, user: SessionUser | null): Promise<ParkListItem[]> {
	requireAdmin(user);
	const rows = await db.rows<Record<string, unknown>>(sql`
		select p.code, p.name_zh, p.name_en, p.kind, parent.code as parent_code, p.published, p.area_m2,
			(select count(*) from plots x where x.park_id = p.id and x.retired_at is null)::int as plots,
			(select count(*) from buildings x where x.park_id = p.id and x.retired_at is null)::int as buildings
		from parks p left join parks parent on parent.id = p.parent_id
		order by coalesce(parent.code, p.code), p.parent_id nulls first, p.code`);
	return rows.map((r) => ({
		code: String(r.code),
		nameZh: String(r.name_zh),
		nameEn: String(r.name_en),
		kind: r.kind as ParkKind,
		parentCode: (r.parent_code as string | null) ?? null,
		published: Boolean(r.published),
		areaM2: Number(r.area_m2),
		plots: Number(r.plots),
		buildings: Number(r.buildings)
	}));
}

/** The admin's read of one park (404 when there is none). */
export async function readPark(db: Pick<Database, 'rows'>, user: SessionUser | null, code: string): Promise<ParkSnapshot> {
	requireAdmin(user);
	const p = await parkSnapshot(db, code);
	if (!p) throw new NotFoundError(`No park "${code}".`);
	return p;
}

/** The id of a park by code, or a field error naming it. */
async function parentId(tx: TxHandle, code: string | null, self?: number): Promise<number | null> {
	if (!code) return null;
	const [r] = await tx.rows<{ id: number; kind: string }>(sql`select id, kind from parks where code = ${code}`);
	if (!r) throw new EditValidationError(`There is no park "${code}" to be the parent.`, { parentCode: 'admin.unknown_park' });
	if (self !== undefined && Number(r.id) === self) throw new EditValidationError('A park cannot be its own parent.', { parentCode: 'admin.parent_self' });
	if (r.kind === 'park_in_park') throw new EditValidationError(`"${code}" is itself a park within a park.`, { parentCode: 'admin.parent_nested' });
	return Number(r.id);
}

/** The boundary is a valid polygon (PostGIS's judgement, with where it fails). */
async function checkValid(tx: TxHandle, g: SQL): Promise<void> {
	const [v] = await tx.rows<{ valid: boolean; reason: string; location: string | null }>(sql`
		select ST_IsValid(g) as valid, ST_IsValidReason(g) as reason, ST_AsGeoJSON((ST_IsValidDetail(g)).location) as location from (select ${g} as g) x`);
	if (!v.valid) {
		throw new EditValidationError(`The boundary is not a valid polygon: ${v.reason}.`, { boundary: 'edit.invalid_geometry' }, [
			{ reason: v.reason, geometry: v.location ? JSON.parse(v.location) : null }
		]);
	}
}

/**
 * The containment rules of a park's boundary `g`: inside its parent (when it has one), and
 * covering its plots and the parks within it (when it exists already, `id`). Each offender
 * is named, with the part that lies outside.
 */
async function checkContainment(tx: TxHandle, g: SQL, parent: number | null, id: number | null): Promise<void> {
	if (parent !== null) {
		const [r] = await tx.rows<{ code: string; outside: string | null }>(sql`
			select k.code, case when ST_Covers(ST_Buffer(k.boundary::geography, ${PARK_TOLERANCE_M})::geometry, ${g}) then null
				else ST_AsGeoJSON(ST_Difference(${g}, k.boundary), 7) end as outside
			from parks k where k.id = ${parent}`);
		if (r.outside) {
			throw new EditValidationError(`The boundary goes outside its parent park ${r.code}.`, { boundary: 'admin.outside_parent' }, [
				{ reason: `outside ${r.code}`, geometry: JSON.parse(r.outside) }
			]);
		}
	}
	if (id === null) return;
	const outside = await tx.rows<{ kind: string; code: string; outside: string }>(sql`
		with b as (select ST_Buffer(${g}::geography, ${PARK_TOLERANCE_M})::geometry as g, ${g} as raw)
		select 'plot' as kind, p.code, ST_AsGeoJSON(ST_Difference(p.boundary, b.raw), 7) as outside
			from plots p, b where p.park_id = ${id} and p.retired_at is null and not ST_Covers(b.g, p.boundary)
		union all
		select 'park', k.code, ST_AsGeoJSON(ST_Difference(k.boundary, b.raw), 7)
			from parks k, b where k.parent_id = ${id} and not ST_Covers(b.g, k.boundary)
		order by 1, 2 limit 200`);
	if (outside.length) {
		const plots = outside.filter((o) => o.kind === 'plot').map((o) => o.code);
		const parks = outside.filter((o) => o.kind === 'park').map((o) => o.code);
		const parts = [plots.length ? `plots ${plots.join(', ')}` : '', parks.length ? `parks ${parks.join(', ')}` : ''].filter(Boolean).join(' and ');
		throw new EditValidationError(
			`The new boundary would leave ${parts} outside the park.`,
			{ boundary: 'admin.leaves_records_outside' },
			outside.map((o) => ({ reason: `${o.kind} ${o.code}`, geometry: JSON.parse(o.outside) }))
		);
	}
}

/** Writes the park's positioning: industries (leading flag) and chains, all known codes. */
async function writePositioning(tx: TxHandle, id: number, industries: { code: string; leading: boolean }[], chains: string[]): Promise<void> {
	const codes = industries.map((i) => i.code);
	const known = codes.length ? await tx.rows<{ code: string }>(sql`select code from industries where code in ${textList(codes)}`) : [];
	const missing = codes.filter((c) => !known.some((k) => k.code === c));
	if (missing.length) throw new EditValidationError(`Unknown industries: ${missing.join(', ')}.`, { industries: 'admin.unknown_term' });
	const knownChains = chains.length ? await tx.rows<{ code: string }>(sql`select code from chains where code in ${textList(chains)}`) : [];
	const missingChains = chains.filter((c) => !knownChains.some((k) => k.code === c));
	if (missingChains.length) throw new EditValidationError(`Unknown chains: ${missingChains.join(', ')}.`, { chains: 'admin.unknown_term' });
	await tx.rows(sql`delete from park_industries where park_id = ${id}`);
	await tx.rows(sql`delete from park_chains where park_id = ${id}`);
	if (industries.length) {
		await tx.rows(sql`
			insert into park_industries (park_id, industry_id, is_leading)
			select ${id}, i.id, r.is_leading from jsonb_to_recordset(${JSON.stringify(industries.map((i) => ({ code: i.code, is_leading: i.leading })))}::jsonb) as r(code text, is_leading boolean)
			join industries i on i.code = r.code on conflict do nothing`);
	}
	if (chains.length) {
		await tx.rows(sql`insert into park_chains (park_id, chain_id) select ${id}, c.id from chains c where c.code in ${textList(chains)} on conflict do nothing`);
	}
}

/** Creates a park (admin). */
export async function createPark(db: Database, user: SessionUser | null, input: ParkCreate): Promise<ParkSnapshot> {
	const u = requireAdmin(user);
	return db.transaction(async (tx) => {
		const [taken] = await tx.rows(sql`select 1 from parks where code = ${input.code}`);
		if (taken) throw new EditValidationError(`A park with code "${input.code}" exists already.`, { code: 'admin.code_taken' });
		const parent = await parentId(tx, input.parentCode);
		const g = geom(input.boundary);
		await checkValid(tx, g);
		await checkContainment(tx, g, parent, null);
		const [row] = await tx.rows<{ id: number }>(sql`
			insert into parks (code, name_zh, name_en, kind, parent_id, boundary, area_m2, operator_zh, operator_en,
				contact_name, contact_phone, contact_email, profile_zh, profile_en, published)
			values (${input.code}, ${input.nameZh}, ${input.nameEn}, ${input.kind}, ${parent}, ${g}, ST_Area(${g}::geography),
				${input.operatorZh}, ${input.operatorEn}, ${input.contactName ?? null}, ${input.contactPhone ?? null}, ${input.contactEmail || null},
				${input.profileZh}, ${input.profileEn}, ${input.published})
			returning id`);
		await writePositioning(tx, Number(row.id), input.industries, input.chains);
		const after = (await parkSnapshot(tx, input.code))!;
		await recordAudit(tx, u, 'create', 'park', input.code, null, after);
		await bumpLayerVersions(tx, ['parks']);
		return after;
	});
}

/** Edits a park (admin): attributes, positioning and, when given, the boundary — under the containment rules. */
export async function updatePark(db: Database, user: SessionUser | null, code: string, edit: ParkEdit): Promise<ParkSnapshot> {
	const u = requireAdmin(user);
	return db.transaction(async (tx) => {
		const before = await parkSnapshot(tx, code, true);
		if (!before) throw new NotFoundError(`No park "${code}".`);
		if (before.version !== edit.version) throw new ConflictError(before);
		const parent = await parentId(tx, edit.parentCode, before.id);
		if (edit.kind === 'park_in_park') {
			const [kids] = await tx.rows<{ n: number }>(sql`select count(*)::int as n from parks where parent_id = ${before.id}`);
			if (Number(kids.n) > 0)
				throw new EditValidationError('A park that has parks within it cannot itself be a park within a park.', { kind: 'admin.has_children' });
		}
		const g = edit.boundary ? geom(edit.boundary) : sql`(select boundary from parks where id = ${before.id})`;
		if (edit.boundary) await checkValid(tx, g);
		if (edit.boundary || parent !== null) await checkContainment(tx, g, parent, before.id);
		await tx.rows(sql`
			update parks set name_zh = ${edit.nameZh}, name_en = ${edit.nameEn}, kind = ${edit.kind}, parent_id = ${parent},
				operator_zh = ${edit.operatorZh}, operator_en = ${edit.operatorEn}, contact_name = ${edit.contactName ?? null},
				contact_phone = ${edit.contactPhone ?? null}, contact_email = ${edit.contactEmail || null},
				profile_zh = ${edit.profileZh}, profile_en = ${edit.profileEn}, published = ${edit.published},
				${edit.boundary ? sql`boundary = ${g}, area_m2 = ST_Area(${g}::geography),` : sql``}
				version = version + 1, updated_at = now()
			where id = ${before.id}`);
		await writePositioning(tx, before.id, edit.industries, edit.chains);
		const after = (await parkSnapshot(tx, code))!;
		await recordAudit(tx, u, 'update', 'park', code, before, after);
		// Plot and building pages and the finder name the park and its positioning.
		await bumpLayerVersions(tx, ['parks', 'plots', 'buildings']);
		return after;
	});
}
