import { plotEditOf } from '../../src/lib/domain/edit-schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/client';
import { changePassword, createUser, sessionUser, signIn, signOut, SignInError, SESSION_DAYS } from '../../src/lib/server/auth';
import { PermissionError } from '../../src/lib/server/auth/permissions';
import {
	ConflictError,
	confirmRecords,
	EditValidationError,
	history,
	plotSnapshot,
	restore,
	updatePlot,
	updatePlotBoundary,
	updateUnits,
	buildingSnapshot
} from '../../src/lib/server/editing';
import { TileService } from '../../src/lib/server/tiles/service';
import { rankSites } from '../../src/lib/server/search';
import { parseFinderQuery } from '../../src/lib/domain/finder';
import { MODE, openTestDatabase } from './db';
import { decode, tileOf } from './tiles';

let db: Database;
beforeAll(async () => {
	db = await openTestDatabase();
});
afterAll(() => db?.close());

const as = async (email: string, password: string) => {
	const { token } = await signIn(db, email, password, `ip-${email}`);
	return (await sessionUser(db, token))!;
};
/** Audit entries of these records (the server-mode database is shared with test files running beside this one). */
const auditCount = async (...codes: string[]) =>
	Number(
		(await db.rows<{ n: number }>(sql`select count(*)::int as n from audit_entries where entity_id = any(string_to_array(${codes.join(',')}, ','))`))[0].n
	);
const editOf = (p: NonNullable<Awaited<ReturnType<typeof plotSnapshot>>>) => plotEditOf(p);

/** An available, published NM plot (edited by the NM editor) — a different one per test to stay independent. */
async function availablePlot(park: string, skip = 0) {
	const [r] = await db.rows<{ code: string }>(sql`
		select p.code from plots p join parks k on k.id = p.park_id
		where k.code = ${park} and p.supply_status = 'available' and p.published and not p.is_idle and not p.is_low_efficiency
		order by p.code offset ${skip} limit 1`);
	return (await plotSnapshot(db, r.code))!;
}

describe(`sign-in (${MODE})`, () => {
	it('opens a session for the right password and refuses a wrong one', async () => {
		const user = await as('editor-nm@demo.siteatlas', 'demo-nm-2026');
		expect(user).toMatchObject({ role: 'park_editor', email: 'editor-nm@demo.siteatlas' });
		expect(user.parkIds.length).toBe(2);
		await expect(signIn(db, 'editor-nm@demo.siteatlas', 'wrong-password', 'ip-x')).rejects.toBeInstanceOf(SignInError);
		const [s] = await db.rows<{ days: number }>(sql`select extract(day from max(expires_at) - now())::int as days from sessions`);
		expect(Number(s.days)).toBeGreaterThanOrEqual(SESSION_DAYS - 1);
	});
	it('stores only a hash of the session token and a scrypt hash of the password', async () => {
		const { token } = await signIn(db, 'staff@demo.siteatlas', 'demo-staff-2026', 'ip-s');
		const rows = await db.rows<{ id: string }>(sql`select id from sessions`);
		expect(rows.some((r) => r.id === token)).toBe(false);
		const [u] = await db.rows<{ h: string }>(sql`select password_hash as h from users where email = 'staff@demo.siteatlas'`);
		expect(u.h).toMatch(/^scrypt\$32768\$8\$1\$/);
	});
	it('changes a password only with the current one, and ends the other sessions', async () => {
		await db.transaction((tx) => createUser(tx, { email: 'temp@zone.example', displayName: 'Temp', password: 'first-password-1', role: 'staff' }));
		const a = await signIn(db, 'temp@zone.example', 'first-password-1', 'ip-a');
		const b = await signIn(db, 'temp@zone.example', 'first-password-1', 'ip-b');
		await expect(changePassword(db, a.user.id, 'not-the-password', 'second-password-2', a.token)).rejects.toBeInstanceOf(SignInError);
		await changePassword(db, a.user.id, 'first-password-1', 'second-password-2', a.token);
		expect(await sessionUser(db, a.token)).not.toBeNull();
		expect(await sessionUser(db, b.token)).toBeNull();
		await expect(signIn(db, 'temp@zone.example', 'first-password-1', 'ip-c')).rejects.toBeInstanceOf(SignInError);
		await expect(signIn(db, 'temp@zone.example', 'second-password-2', 'ip-c')).resolves.toHaveProperty('token');
		await signOut(db, a.token);
		expect(await sessionUser(db, a.token)).toBeNull();
	});

	it('locks an account after five failures in 15 minutes, whatever the address', async () => {
		for (let i = 0; i < 5; i++) await signIn(db, 'editor-pl@demo.siteatlas', 'nope-nope-nope', `ip-${i}`).catch(() => {});
		const err = await signIn(db, 'editor-pl@demo.siteatlas', 'demo-pl-2026', 'ip-fresh').catch((e) => e);
		expect(err).toBeInstanceOf(SignInError);
		expect(err.code).toBe('throttled');
	});
	it('limits one address to twenty failures across accounts', async () => {
		for (let i = 0; i < 20; i++) await signIn(db, `nobody${i}@example.com`, 'x-x-x-x-x-x', 'ip-scanner').catch(() => {});
		const err = await signIn(db, 'editor-av@demo.siteatlas', 'demo-av-2026', 'ip-scanner').catch((e) => e);
		expect(err.code).toBe('throttled');
	});
});

describe(`editing plots (${MODE})`, () => {
	it('lets the park editor move a plot from available to negotiating, with one audit entry and a new tile', async () => {
		const editor = await as('editor-nm@demo.siteatlas', 'demo-nm-2026');
		const p = await availablePlot('NM', 0);
		const tiles = new TileService(db);
		const t = tileOf(
			p.boundary.type === 'MultiPolygon' ? p.boundary.coordinates[0][0][0][0] : 0,
			p.boundary.type === 'MultiPolygon' ? p.boundary.coordinates[0][0][0][1] : 0,
			16
		);
		const beforeTile = await tiles.get({ layer: 'plots', ...t });
		const audits = await auditCount(p.code);
		const after = await updatePlot(db, editor, p.code, { ...editOf(p), supplyStatus: 'negotiating' });
		expect(after).toMatchObject({ supplyStatus: 'negotiating', version: p.version + 1 });
		expect(await auditCount(p.code)).toBe(audits + 1);
		const [a] = await db.rows<{ action: string; before: unknown; after: unknown }>(
			sql`select action, before, after from audit_entries where entity_id = ${p.code} order by id desc limit 1`
		);
		expect(a.action).toBe('update');
		const tile = await tiles.get({ layer: 'plots', ...t });
		expect(tile.etag).not.toBe(beforeTile.etag);
		const layer = decode(tile.body, 'plots')!;
		const f = Array.from({ length: layer.length }, (_, i) => layer.feature(i)).find((x) => x.id === p.id)!;
		expect(f.properties.status).toBe('negotiating');
		// …and the finder's default (available) no longer returns it.
		const r = await rankSites(db, parseFinderQuery(new URLSearchParams('stale=1')).query, { offset: 0, limit: 10_000 });
		expect(r.ranked.length).toBeGreaterThan(10);
		expect(r.ranked.map((m) => m.code)).not.toContain(p.code);
	});
	it('refuses a stale save with 409, returns the current record and changes nothing', async () => {
		const editor = await as('editor-nm@demo.siteatlas', 'demo-nm-2026');
		const p = await availablePlot('NM', 1);
		await updatePlot(db, editor, p.code, { ...editOf(p), priceWanPerMu: 20 });
		const audits = await auditCount(p.code);
		const err = await updatePlot(db, editor, p.code, { ...editOf(p), priceWanPerMu: 99 }).catch((e) => e);
		expect(err).toBeInstanceOf(ConflictError);
		expect(err.status).toBe(409);
		expect(err.current).toMatchObject({ priceWanPerMu: 20, version: p.version + 1 });
		expect((await plotSnapshot(db, p.code))!.priceWanPerMu).toBe(20);
		expect(await auditCount(p.code)).toBe(audits);
	});
	it('answers 401 to nobody and 403 to an editor of another park, whatever the record', async () => {
		const p = await availablePlot('NM', 2);
		const te = await as('editor-te@demo.siteatlas', 'demo-te-2026');
		const anon = await updatePlot(db, null, p.code, editOf(p)).catch((e) => e);
		expect(anon).toBeInstanceOf(PermissionError);
		expect(anon.status).toBe(401);
		const other = await updatePlot(db, te, p.code, editOf(p)).catch((e) => e);
		expect(other.status).toBe(403);
		expect((await confirmRecords(db, te, [{ kind: 'plot', code: p.code }]).catch((e) => e)).status).toBe(403);
		const staff = await as('staff@demo.siteatlas', 'demo-staff-2026');
		await expect(updatePlot(db, staff, p.code, editOf(p))).resolves.toBeTruthy();
	});
	it('refuses a jump in status that skips the contract', async () => {
		const editor = await as('editor-nm@demo.siteatlas', 'demo-nm-2026');
		const p = await availablePlot('NM', 3);
		await expect(updatePlot(db, editor, p.code, { ...editOf(p), supplyStatus: 'in_production' })).rejects.toBeInstanceOf(EditValidationError);
	});
	it('redraws a boundary and recomputes its area; refuses self-crossing, outside-park and overlapping shapes, leaving the stored one', async () => {
		const editor = await as('editor-nm@demo.siteatlas', 'demo-nm-2026');
		const p = await availablePlot('NM', 4);
		const ring = (p.boundary as { coordinates: number[][][][] }).coordinates[0][0];
		// Shrink towards the centroid by 20%: stays inside the park and off the neighbours.
		const cx = ring.slice(0, -1).reduce((s, c) => s + c[0], 0) / (ring.length - 1);
		const cy = ring.slice(0, -1).reduce((s, c) => s + c[1], 0) / (ring.length - 1);
		const shrunk = ring.map(([x, y]) => [cx + (x - cx) * 0.8, cy + (y - cy) * 0.8]);
		const after = await updatePlotBoundary(db, editor, p.code, p.version, { type: 'Polygon', coordinates: [shrunk] });
		expect(after.areaM2).toBeLessThan(p.areaM2 * 0.7);
		expect(after.areaM2).toBeGreaterThan(p.areaM2 * 0.6);

		const bowtie = { type: 'Polygon' as const, coordinates: [[ring[0], ring[2], ring[1], ring[3], ring[0]]] };
		const bad = await updatePlotBoundary(db, editor, p.code, after.version, bowtie).catch((e) => e);
		expect(bad).toBeInstanceOf(EditValidationError);
		expect(bad.problems[0].geometry).toMatchObject({ type: 'Point' });
		const far = ring.map(([x, y]) => [x + 0.05, y]);
		expect((await updatePlotBoundary(db, editor, p.code, after.version, { type: 'Polygon', coordinates: [far] }).catch((e) => e)).fields.geometry).toBe(
			'edit.outside_park'
		);
		const grown = ring.map(([x, y]) => [cx + (x - cx) * 1.6, cy + (y - cy) * 1.6]);
		const overlap = await updatePlotBoundary(db, editor, p.code, after.version, { type: 'Polygon', coordinates: [grown] }).catch((e) => e);
		expect(overlap.fields.geometry).toBe('edit.overlap');
		expect(overlap.problems.length).toBeGreaterThan(0);
		const projected = ring.map(([x, y]) => [x * 1000, y * 1000]);
		expect((await updatePlotBoundary(db, editor, p.code, after.version, { type: 'Polygon', coordinates: [projected] }).catch((e) => e)).fields.geometry).toBe(
			'geometry.out_of_range'
		);
		expect((await plotSnapshot(db, p.code))!.areaM2).toBeCloseTo(after.areaM2, 6);
	});
	it('keeps history and restores an earlier version, recording the restore', async () => {
		const editor = await as('editor-nm@demo.siteatlas', 'demo-nm-2026');
		const p = await availablePlot('NM', 5);
		const changed = await updatePlot(db, editor, p.code, { ...editOf(p), notes: 'sold to <b>Acme</b>', priceWanPerMu: 1 });
		const h = await history(db, 'plot', p.code);
		expect(h[0]).toMatchObject({ action: 'update', user: '王海涛' });
		const audits = await auditCount(p.code);
		const restored = await restore(db, editor, 'plot', p.code, h[0].id, changed.version);
		expect(restored).toMatchObject({ notes: p.notes, priceWanPerMu: p.priceWanPerMu, version: changed.version + 1 });
		expect(await auditCount(p.code)).toBe(audits + 1);
		expect((await history(db, 'plot', p.code))[0].action).toBe('restore');
	});
	it('confirms records in bulk, one audit entry each', async () => {
		const editor = await as('editor-nm@demo.siteatlas', 'demo-nm-2026');
		const a = await availablePlot('NM', 6);
		const b = await availablePlot('NM', 7);
		const audits = await auditCount(a.code, b.code);
		expect(
			await confirmRecords(db, editor, [
				{ kind: 'plot', code: a.code },
				{ kind: 'plot', code: b.code }
			])
		).toBe(2);
		expect(await auditCount(a.code, b.code)).toBe(audits + 2);
		const [r] = await db.rows<{ fresh: boolean }>(
			sql`select bool_and(confirmed_at > now() - interval '1 minute') as fresh from plots where code in (${a.code}, ${b.code})`
		);
		expect(r.fresh).toBe(true);
	});
});

describe(`editing units (${MODE})`, () => {
	it('marks units leased; occupancy follows; refuses units of another building', async () => {
		const editor = await as('editor-se@demo.siteatlas', 'demo-se-2026');
		const [r] = await db.rows<{ code: string }>(
			sql`select b.code from buildings b join parks k on k.id = b.park_id where k.code = 'SE' and b.published order by b.code limit 1`
		);
		const b = (await buildingSnapshot(db, r.code))!;
		const vacant = b.units.filter((u) => u.status === 'vacant').slice(0, 2);
		const after = await updateUnits(
			db,
			editor,
			b.code,
			b.version,
			vacant.map((u) => ({ id: u.id, status: 'leased', areaM2: u.areaM2 }))
		);
		for (const u of vacant) expect(after.units.find((x) => x.id === u.id)!.status).toBe('leased');
		const [other] = await db.rows<{ id: number }>(sql`select u.id from units u join buildings b on b.id = u.building_id where b.code <> ${b.code} limit 1`);
		await expect(updateUnits(db, editor, b.code, after.version, [{ id: Number(other.id), status: 'leased', areaM2: 10 }])).rejects.toBeInstanceOf(
			EditValidationError
		);
	});
});
