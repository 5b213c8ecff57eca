/**
 * Tours: saved with their stops and the route driven through them, audited like every other
 * write, for promotion staff and administrators only. A tour can be shared through an
 * unguessable token (revocable, optionally expiring) that opens a read-only page.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Position } from 'geojson';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireStaff } from '../auth/permissions';
import { ConflictError, NotFoundError } from '../editing/errors';
import type { TourInput } from '../../domain/tour-schema';
import { routeTour } from './graph';

export interface SavedTour extends TourInput {
	id: number;
	version: number;
	route: Position[];
	distanceM: number | null;
	durationS: number | null;
	estimated: boolean;
	shareToken: string | null;
	shareExpiresAt: string | null;
}

async function audit(tx: TxHandle, user: SessionUser, action: 'create' | 'update' | 'delete', id: number, before: unknown, after: unknown) {
	await tx.rows(sql`insert into audit_entries (user_id, action, entity, entity_id, before, after)
		values (${user.id}, ${action}, 'tour', ${String(id)}, ${before === null ? null : JSON.stringify(before)}::jsonb, ${after === null ? null : JSON.stringify(after)}::jsonb)`);
}

async function load(tx: Pick<TxHandle, 'rows'>, id: number, lock = false): Promise<SavedTour | null> {
	const [t] = await tx.rows<Record<string, unknown>>(sql`
		select id, title, delegation_org, delegation_size, tour_date::text, start_time, version, ST_AsGeoJSON(route, 7) as route,
			distance_m, duration_s, share_token, share_expires_at
		from tours where id = ${id} ${lock ? sql`for update` : sql``}`);
	if (!t) return null;
	const stops = await tx.rows<{ site_kind: string; code: string | null; lon: number; lat: number; label: string; dwell_min: number; notes: string }>(sql`
		select s.site_kind, coalesce(p.code, b.code, f.code) as code, ST_X(s.location) as lon, ST_Y(s.location) as lat, s.label, s.dwell_min, s.notes
		from tour_stops s left join plots p on p.id = s.plot_id left join buildings b on b.id = s.building_id left join facilities f on f.id = s.facility_id
		where s.tour_id = ${id} order by s.seq`);
	const route = t.route ? (JSON.parse(String(t.route)).coordinates as Position[]) : [];
	return {
		id: Number(t.id),
		title: String(t.title),
		delegationOrg: String(t.delegation_org),
		delegationSize: t.delegation_size === null ? null : Number(t.delegation_size),
		tourDate: (t.tour_date as string) ?? null,
		startTime: String(t.start_time),
		version: Number(t.version),
		route,
		distanceM: t.distance_m === null ? null : Number(t.distance_m),
		durationS: t.duration_s === null ? null : Number(t.duration_s),
		estimated: false,
		shareToken: (t.share_token as string) ?? null,
		shareExpiresAt: t.share_expires_at ? new Date(String(t.share_expires_at)).toISOString() : null,
		stops: stops.map((s) => ({
			siteKind: s.site_kind as TourInput['stops'][number]['siteKind'],
			code: s.code,
			location: [Number(s.lon), Number(s.lat)] as [number, number],
			label: s.label,
			dwellMin: Number(s.dwell_min),
			notes: s.notes
		}))
	};
}

async function writeStops(tx: TxHandle, id: number, input: TourInput) {
	await tx.rows(sql`delete from tour_stops where tour_id = ${id}`);
	for (const [i, s] of input.stops.entries()) {
		const KIND = { plots: 'plot', buildings: 'building', facilities: 'facility' } as const;
		const ref = (table: keyof typeof KIND) => (s.siteKind === KIND[table] && s.code ? sql`(select id from ${sql.identifier(table)} where code = ${s.code})` : sql`null`);
		await tx.rows(sql`
			insert into tour_stops (tour_id, seq, site_kind, plot_id, building_id, facility_id, location, label, dwell_min, notes)
			values (${id}, ${i + 1}, ${s.siteKind}, ${ref('plots')}, ${ref('buildings')}, ${ref('facilities')},
				ST_SetSRID(ST_MakePoint(${s.location[0]}, ${s.location[1]}), 4326), ${s.label}, ${s.dwellMin}, ${s.notes})`);
	}
}

/** Creates (id null) or updates a tour; the route is recomputed from its stops. */
export async function saveTour(db: Database, user: SessionUser | null, id: number | null, input: TourInput, version?: number): Promise<SavedTour> {
	const u = requireStaff(user);
	const route = await routeTour(db, input.stops.map((s) => s.location));
	const line = route.legs.flatMap((l, i) => (i === 0 ? l.coordinates : l.coordinates.slice(1)));
	const geom = sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'LineString', coordinates: line })}), 4326)`;
	const saved = await db.transaction(async (tx) => {
		let tourId = id;
		let before: SavedTour | null = null;
		if (tourId === null) {
			const [r] = await tx.rows<{ id: number }>(sql`
				insert into tours (title, delegation_org, delegation_size, tour_date, start_time, route, distance_m, duration_s, created_by)
				values (${input.title}, ${input.delegationOrg}, ${input.delegationSize}, ${input.tourDate}::date, ${input.startTime}, ${geom},
					${route.distanceM}, ${route.durationS}, ${u.id}) returning id`);
			tourId = Number(r.id);
		} else {
			before = await load(tx, tourId, true);
			if (!before) throw new NotFoundError(`No tour ${tourId}.`);
			if (version !== undefined && before.version !== version) throw new ConflictError(before);
			await tx.rows(sql`
				update tours set title = ${input.title}, delegation_org = ${input.delegationOrg}, delegation_size = ${input.delegationSize},
					tour_date = ${input.tourDate}::date, start_time = ${input.startTime}, route = ${geom}, distance_m = ${route.distanceM},
					duration_s = ${route.durationS}, version = version + 1, updated_at = now()
				where id = ${tourId}`);
		}
		await writeStops(tx, tourId, input);
		const after = (await load(tx, tourId))!;
		await audit(tx, u, before ? 'update' : 'create', tourId, before, after);
		return after;
	});
	return { ...saved, estimated: route.estimated };
}

export async function getTour(db: Database, user: SessionUser | null, id: number): Promise<SavedTour> {
	requireStaff(user);
	const t = await load(db, id);
	if (!t) throw new NotFoundError(`No tour ${id}.`);
	return t;
}

export async function copyTour(db: Database, user: SessionUser | null, id: number, title: string): Promise<SavedTour> {
	const t = await getTour(db, user, id);
	return saveTour(db, user, null, { ...t, title });
}

export async function deleteTour(db: Database, user: SessionUser | null, id: number): Promise<void> {
	const u = requireStaff(user);
	await db.transaction(async (tx) => {
		const before = await load(tx, id, true);
		if (!before) throw new NotFoundError(`No tour ${id}.`);
		await tx.rows(sql`delete from tours where id = ${id}`);
		await audit(tx, u, 'delete', id, before, null);
	});
}

/** Opens (or replaces) the share link; `expiresAt` optional. Returns the token. */
export async function shareTour(db: Database, user: SessionUser | null, id: number, expiresAt: Date | null): Promise<string> {
	const u = requireStaff(user);
	const token = randomBytes(24).toString('base64url');
	await db.transaction(async (tx) => {
		const before = await load(tx, id, true);
		if (!before) throw new NotFoundError(`No tour ${id}.`);
		await tx.rows(sql`update tours set share_token = ${token}, share_expires_at = ${expiresAt?.toISOString() ?? null}::timestamptz, version = version + 1 where id = ${id}`);
		await audit(tx, u, 'update', id, { shareToken: before.shareToken ? 'set' : null }, { shareToken: 'set', shareExpiresAt: expiresAt?.toISOString() ?? null });
	});
	return token;
}

export async function revokeShare(db: Database, user: SessionUser | null, id: number): Promise<void> {
	const u = requireStaff(user);
	await db.transaction(async (tx) => {
		const [r] = await tx.rows<{ id: number }>(sql`update tours set share_token = null, share_expires_at = null, version = version + 1 where id = ${id} returning id`);
		if (!r) throw new NotFoundError(`No tour ${id}.`);
		await audit(tx, u, 'update', id, { shareToken: 'set' }, { shareToken: null });
	});
}

/** A shared tour for its public page: null when the token is unknown, revoked or expired. */
export async function tourByToken(db: Database, token: string): Promise<SavedTour | null> {
	if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
	const [r] = await db.rows<{ id: number }>(sql`select id from tours where share_token = ${token} and (share_expires_at is null or share_expires_at > now())`);
	if (!r) return null;
	const t = await load(db, Number(r.id));
	return t && { ...t, shareToken: null };
}
