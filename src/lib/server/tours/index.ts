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
import { ConflictError, EditValidationError, NotFoundError } from '../editing/errors';
import type { PlannedLeg, SavedTour, TourInput, TourStop } from '../../domain/tour-schema';
import { timetable } from '../../domain/tour-plan';
import { DETOUR_FACTOR } from '../../geo/routing';
import { iso, num, parseJson } from '../db/values';
import { planTour } from './graph';
import { recordAudit, type AuditAction } from '../audit';
import { translate, type Locale } from '../../i18n';

export type { SavedTour };

/** A tour id from a URL segment; anything else is an unknown tour (404). */
export function tourIdOf(raw: string): number {
	if (!/^\d{1,9}$/.test(raw)) throw new NotFoundError(`No tour "${raw}".`);
	return Number(raw);
}

const audit = (tx: TxHandle, user: SessionUser, action: AuditAction, id: number, before: unknown, after: unknown) =>
	recordAudit(tx, user, action, 'tour', id, before, after);

async function load(tx: Pick<TxHandle, 'rows'>, id: number, lock = false): Promise<SavedTour | null> {
	const [t] = await tx.rows<Record<string, unknown>>(sql`
		select id, title, delegation_org, delegation_size, delegation_contact, tour_date::text, start_time, lunch_after_stop, lunch_min,
			version, ST_AsGeoJSON(route, 7) as route, legs, estimated, distance_m, duration_s, share_token, share_expires_at, updated_at
		from tours where id = ${id} ${lock ? sql`for update` : sql``}`);
	if (!t) return null;
	const stops = await tx.rows<Record<string, unknown>>(sql`
		select s.site_kind, coalesce(p.code, b.code, f.code) as code, ST_X(s.location) as lon, ST_Y(s.location) as lat, s.label, s.dwell_min, s.notes, s.contact
		from tour_stops s left join plots p on p.id = s.plot_id left join buildings b on b.id = s.building_id left join facilities f on f.id = s.facility_id
		where s.tour_id = ${id} order by s.seq`);
	const input = {
		title: String(t.title),
		delegationOrg: String(t.delegation_org),
		delegationSize: num(t.delegation_size),
		delegationContact: String(t.delegation_contact),
		tourDate: (t.tour_date as string) ?? null,
		startTime: String(t.start_time),
		lunchAfterStop: num(t.lunch_after_stop),
		lunchMin: Number(t.lunch_min),
		stops: stops.map((s) => ({
			siteKind: s.site_kind as TourStop['siteKind'],
			code: (s.code as string) ?? null,
			location: [Number(s.lon), Number(s.lat)] as [number, number],
			label: String(s.label),
			dwellMin: Number(s.dwell_min),
			notes: String(s.notes),
			contact: String(s.contact)
		}))
	};
	const legs = parseJson<PlannedLeg[]>(t.legs);
	const estimated = Boolean(t.estimated);
	return {
		id: Number(t.id),
		version: Number(t.version),
		...input,
		route: t.route ? (JSON.parse(String(t.route)).coordinates as Position[]) : [],
		legs,
		distanceM: Number(t.distance_m ?? 0),
		durationS: Number(t.duration_s ?? 0),
		estimated,
		detourFactor: estimated ? DETOUR_FACTOR : null,
		// A tour saved before legs were stored has none: its times are empty until it is planned again.
		...(legs.length === input.stops.length - 1 ? timetable(input, legs) : { times: [], endTime: '' }),
		shareToken: (t.share_token as string) ?? null,
		shareExpiresAt: iso(t.share_expires_at),
		updatedAt: iso(t.updated_at)!
	};
}

async function writeStops(tx: TxHandle, id: number, input: TourInput) {
	await tx.rows(sql`delete from tour_stops where tour_id = ${id}`);
	for (const [i, s] of input.stops.entries()) {
		const KIND = { plots: 'plot', buildings: 'building', facilities: 'facility' } as const;
		const ref = (table: keyof typeof KIND) =>
			s.siteKind === KIND[table] && s.code ? sql`(select id from ${sql.identifier(table)} where code = ${s.code})` : sql`null`;
		await tx.rows(sql`
			insert into tour_stops (tour_id, seq, site_kind, plot_id, building_id, facility_id, location, label, dwell_min, notes, contact)
			values (${id}, ${i + 1}, ${s.siteKind}, ${ref('plots')}, ${ref('buildings')}, ${ref('facilities')},
				ST_SetSRID(ST_MakePoint(${s.location[0]}, ${s.location[1]}), 4326), ${s.label}, ${s.dwellMin}, ${s.notes}, ${s.contact})`);
	}
}

/** A stop at a site must name a site that exists (a plot, building or facility code). */
async function checkSiteCodes(db: Database, input: TourInput) {
	const TABLE = { plot: 'plots', building: 'buildings', facility: 'facilities' } as const;
	const unknown: string[] = [];
	for (const [i, s] of input.stops.entries()) {
		if (s.siteKind === 'point') continue;
		const [hit] = s.code ? await db.rows(sql`select 1 from ${sql.identifier(TABLE[s.siteKind])} where code = ${s.code}`) : [];
		if (!hit) unknown.push(`stops.${i}`);
	}
	if (unknown.length) {
		throw new EditValidationError(
			`No such site for stop ${unknown.map((f) => Number(f.slice(6)) + 1).join(', ')}.`,
			Object.fromEntries(unknown.map((f) => [f, 'tour.error.unknown_site']))
		);
	}
}

/** Creates (id null) or updates a tour; the route and timetable are recomputed from its stops. */
export async function saveTour(db: Database, user: SessionUser | null, id: number | null, input: TourInput, version?: number): Promise<SavedTour> {
	const u = requireStaff(user);
	await checkSiteCodes(db, input);
	const plan = await planTour(db, input);
	// Stops all at one place drive nowhere: there is no line to store.
	const geom =
		plan.route.length >= 2 ? sql`ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify({ type: 'LineString', coordinates: plan.route })}), 4326)` : sql`null`;
	const columns = sql`title = ${input.title}, delegation_org = ${input.delegationOrg}, delegation_size = ${input.delegationSize},
		delegation_contact = ${input.delegationContact}, tour_date = ${input.tourDate}::date, start_time = ${input.startTime},
		lunch_after_stop = ${input.lunchAfterStop}, lunch_min = ${input.lunchMin}, route = ${geom}, legs = ${JSON.stringify(plan.legs)}::jsonb,
		estimated = ${plan.estimated}, distance_m = ${plan.distanceM}, duration_s = ${plan.durationS}`;
	return db.transaction(async (tx) => {
		let tourId = id;
		let before: SavedTour | null = null;
		if (tourId === null) {
			const [r] = await tx.rows<{ id: number }>(sql`insert into tours (title, created_by) values (${input.title}, ${u.id}) returning id`);
			tourId = Number(r.id);
			await tx.rows(sql`update tours set ${columns} where id = ${tourId}`);
		} else {
			before = await load(tx, tourId, true);
			if (!before) throw new NotFoundError(`No tour ${tourId}.`);
			if (version !== undefined && before.version !== version) throw new ConflictError(before);
			await tx.rows(sql`update tours set ${columns}, version = version + 1, updated_at = now() where id = ${tourId}`);
		}
		await writeStops(tx, tourId, input);
		const after = (await load(tx, tourId))!;
		await audit(tx, u, before ? 'update' : 'create', tourId, before && auditView(before), auditView(after));
		return after;
	});
}

/** What the audit keeps of a tour: everything but the route geometry, which follows from the stops. */
function auditView(t: SavedTour) {
	const { route: _route, legs: _legs, times: _times, ...rest } = t;
	return rest;
}

/** The tours staff see in the console, most recently changed first. */
export async function listTours(db: Database, user: SessionUser | null): Promise<TourSummary[]> {
	requireStaff(user);
	const rows = await db.rows<Record<string, unknown>>(sql`
		select t.id, t.title, t.delegation_org, t.delegation_size, t.tour_date::text, t.start_time, t.distance_m, t.duration_s, t.estimated,
			t.share_token is not null and (t.share_expires_at is null or t.share_expires_at > now()) as shared, t.updated_at,
			(select count(*)::int from tour_stops s where s.tour_id = t.id) as stops, u.display_name as author
		from tours t left join users u on u.id = t.created_by
		order by t.updated_at desc, t.id desc limit 500`);
	return rows.map((r) => ({
		id: Number(r.id),
		title: String(r.title),
		delegationOrg: String(r.delegation_org),
		delegationSize: num(r.delegation_size),
		tourDate: (r.tour_date as string) ?? null,
		startTime: String(r.start_time),
		stops: Number(r.stops),
		distanceM: Number(r.distance_m ?? 0),
		durationS: Number(r.duration_s ?? 0),
		estimated: Boolean(r.estimated),
		shared: Boolean(r.shared),
		author: (r.author as string) ?? null,
		updatedAt: iso(r.updated_at)!
	}));
}

export interface TourSummary {
	id: number;
	title: string;
	delegationOrg: string;
	delegationSize: number | null;
	tourDate: string | null;
	startTime: string;
	stops: number;
	distanceM: number;
	durationS: number;
	estimated: boolean;
	shared: boolean;
	author: string | null;
	updatedAt: string;
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

/**
 * Opens (or replaces) the share link; `expiresAt` optional. Returns the token. Sharing is
 * audited but leaves the tour's version alone: it is not an edit of its content, and an
 * editor open elsewhere must not get a conflict for it.
 */
export async function shareTour(db: Database, user: SessionUser | null, id: number, expiresAt: Date | null, showDelegation = false): Promise<string> {
	const u = requireStaff(user);
	const token = randomBytes(24).toString('base64url');
	await db.transaction(async (tx) => {
		const before = await load(tx, id, true);
		if (!before) throw new NotFoundError(`No tour ${id}.`);
		await tx.rows(
			sql`update tours set share_token = ${token}, share_expires_at = ${expiresAt?.toISOString() ?? null}::timestamptz, share_shows_delegation = ${showDelegation} where id = ${id}`
		);
		await audit(
			tx,
			u,
			'update',
			id,
			{ shareToken: before.shareToken ? 'set' : null },
			{ shareToken: 'set', shareExpiresAt: expiresAt?.toISOString() ?? null, shareShowsDelegation: showDelegation }
		);
	});
	return token;
}

export async function revokeShare(db: Database, user: SessionUser | null, id: number): Promise<void> {
	const u = requireStaff(user);
	await db.transaction(async (tx) => {
		const [r] = await tx.rows<{ id: number }>(sql`update tours set share_token = null, share_expires_at = null where id = ${id} returning id`);
		if (!r) throw new NotFoundError(`No tour ${id}.`);
		await audit(tx, u, 'update', id, { shareToken: 'set' }, { shareToken: null });
	});
}

/**
 * A shared tour for its public page: null when the token is unknown, revoked or expired.
 * A stop at a site that is not published (a plot still in negotiation, say) is shown as a
 * numbered stop without its code, name, notes or contact, at the road point where the route
 * reaches it — the link is public, the site is not.
 */
export async function tourByToken(db: Database, token: string, locale: Locale = 'zh-CN'): Promise<SavedTour | null> {
	if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
	const [r] = await db.rows<{ id: number; shows: boolean }>(
		sql`select id, share_shows_delegation as shows from tours where share_token = ${token} and (share_expires_at is null or share_expires_at > now())`
	);
	if (!r) return null;
	const t = await publicTour(db, Number(r.id), locale);
	// A shared link travels: the delegation's name stays off it unless staff chose to show it.
	return t && !r.shows ? { ...t, delegationOrg: '', delegationSize: null } : t;
}

/** A tour as a public page may show it (a shared link, a delegation's proposal): unpublished stops hidden, no contact, no token. */
export async function publicTour(db: Database, id: number, locale: Locale = 'zh-CN'): Promise<SavedTour | null> {
	const t = await load(db, id);
	if (!t) return null;
	const published = await publishedStops(db, t.stops);
	const stops = t.stops.map((s, i) => (published[i] ? s : privateStop(t, i, locale)));
	// The public page never shows the delegation's own contact or the token itself.
	return { ...t, stops, shareToken: null, delegationContact: '' };
}

/** For each stop: a free point, or a published site of a published park. */
async function publishedStops(db: Database, stops: TourStop[]): Promise<boolean[]> {
	return Promise.all(
		stops.map(async (s) => {
			if (s.siteKind === 'point' || !s.code) return true;
			const q =
				s.siteKind === 'facility'
					? sql`select 1 from facilities where code = ${s.code} and published`
					: sql`select 1 from ${sql.identifier(s.siteKind === 'plot' ? 'plots' : 'buildings')} x join parks k on k.id = x.park_id
						where x.code = ${s.code} and x.published and k.published`;
			return (await db.rows(q)).length > 0;
		})
	);
}

function privateStop(t: SavedTour, i: number, locale: Locale): TourStop {
	const leg = t.legs[i - 1] ?? t.legs[i];
	const onRoad = leg ? t.route[i > 0 && t.legs[i - 1] ? leg.to : leg.from] : undefined;
	// Without a route point, the place to ~100 m only.
	const location = (onRoad as [number, number] | undefined) ?? [
		Math.round(t.stops[i].location[0] * 1000) / 1000,
		Math.round(t.stops[i].location[1] * 1000) / 1000
	];
	return {
		siteKind: 'point',
		code: null,
		location,
		label: translate(locale, 'tour.private_stop', { n: i + 1 }),
		dwellMin: t.stops[i].dwellMin,
		notes: '',
		contact: ''
	};
}
