import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseStartupError, describeUrl, openDatabase, type Database } from '../../src/lib/server/db/client';
import { getFeatureDetails } from '../../src/lib/server/sites/details';
import { sql } from 'drizzle-orm';
import { MODE, openTestDatabase } from './db';

describe('database startup errors', () => {
	it('names host and database of an unreachable server, never its password', async () => {
		const err = await openDatabase({ url: 'postgres://atlas:s3cret-pw@127.0.0.1:1/zone' }).catch((e) => e);
		expect(err).toBeInstanceOf(DatabaseStartupError);
		expect(err.message).toContain('127.0.0.1:1/zone');
		expect(err.message).not.toContain('s3cret-pw');
		expect(err.message.split('\n')).toHaveLength(1);
	});
	it('describes a URL without credentials', () => {
		expect(describeUrl('postgres://u:p@db.example:6543/atlas')).toBe('db.example:6543/atlas');
	});
	it('says where migrations are missing', async () => {
		const err = await openDatabase({ dataDir: 'memory://', migrationsFolder: '/nonexistent/migrations' }).catch((e) => e);
		expect(err).toBeInstanceOf(DatabaseStartupError);
		expect(err.message).toContain('/nonexistent/migrations');
	});
});

describe(`feature details (${MODE})`, () => {
	let db: Database;
	beforeAll(async () => {
		db = await openTestDatabase();
	});
	afterAll(() => db?.close());

	it("gives a plot's facts by code, with its park's public contact", async () => {
		const [r] = await db.rows<{ code: string }>(sql`select code from plots where published and supply_status = 'available' order by id limit 1`);
		const d = await getFeatureDetails(db, 'plots', r.code);
		expect(d).toMatchObject({ layer: 'plots', code: r.code, supplyStatus: 'available' });
		if (d?.layer !== 'plots') throw new Error('not a plot');
		expect(d.park.contactPhone).toMatch(/^0546-/);
		expect(JSON.stringify(d)).not.toContain('contactName":"' + 'x');
	});
	it('returns nothing for an unpublished record', async () => {
		const [r] = await db.rows<{ id: number }>(sql`select id from plots where not published limit 1`);
		expect(await getFeatureDetails(db, 'plots', String(r.id))).toBeNull();
	});
	it("derives a building's occupancy from its units", async () => {
		const [r] = await db.rows<{ code: string }>(sql`select code from buildings where published and kind = 'office' order by id limit 1`);
		const d = await getFeatureDetails(db, 'buildings', r.code);
		if (d?.layer !== 'buildings') throw new Error('not a building');
		expect(d.units.total).toBeGreaterThan(0);
		expect(d.leasedAreaM2 + d.reservedAreaM2 + d.vacantAreaM2).toBeCloseTo(d.leasableAreaM2, 3);
	});
	it("sums a park's plots and its disposal target", async () => {
		const d = await getFeatureDetails(db, 'parks', 'NM');
		if (d?.layer !== 'parks') throw new Error('not a park');
		expect(d.disposalTarget?.targetMu).toBe(2660);
		// Disposed: the 亩 of its cases completed in the target's year (the sample zone disposes of some each month).
		expect(d.disposalTarget?.disposedMu).toBeGreaterThan(0);
		expect(d.disposalTarget!.disposedMu).toBeLessThan(2660);
		expect(Object.values(d.plotsByStatus).reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
		expect(d.chains.length).toBe(5);
	});
});
