/**
 * The administrator's writes (issue 11) on an empty zone, on both databases: parks with the
 * containment rules (a park within a park inside its parent; plots inside their park —
 * refused naming the offenders), the taxonomy with ordered links and merge-to-retire,
 * targets with the zone's sum, site settings; only administrators, every write audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Geometry } from 'geojson';
import type { Database } from '../../src/lib/server/db/client';
import { createUser, userByEmail, type SessionUser } from '../../src/lib/server/auth';
import { PermissionError } from '../../src/lib/server/auth/permissions';
import { EditValidationError } from '../../src/lib/server/editing';
import { createPark, listParks, updatePark, parkSnapshot } from '../../src/lib/server/parks';
import { createChain, createIndustry, reorderTerms, retireTerm, setChainLinks, taxonomyTree, termUsage, updateIndustry } from '../../src/lib/server/taxonomy';
import { saveTargets, targetsOf } from '../../src/lib/server/targets';
import { loadSettings, publicSettings, saveSettings } from '../../src/lib/server/settings';
import { createPlot } from '../../src/lib/server/editing/lifecycle';
import { parkCreateSchema, parkEditSchema } from '../../src/lib/domain/admin-schemas';
import type { SiteSettingsInput } from '../../src/lib/domain/settings';
import { MODE, openEmptyDatabase } from './db';
import { G, newPlot } from './admin-fixtures';

/** A park as the form sends it. */
const parkInput = (code: string, boundary: Geometry, extra: Record<string, unknown> = {}) =>
	parkCreateSchema.parse({
		code,
		nameZh: `园区${code}`,
		nameEn: `Park ${code}`,
		kind: 'industrial_park',
		operatorZh: '运营公司',
		operatorEn: 'Operator Ltd',
		boundary,
		...extra
	});

const plotInput = (code: string, boundary: Geometry) => newPlot(code, boundary);

describe(`administration (${MODE})`, () => {
	let db: Database;
	let admin: SessionUser;
	let staff: SessionUser;
	let editor: SessionUser;
	beforeAll(async () => {
		db = await openEmptyDatabase();
		await createUser(db, { email: 'admin@zone.example', displayName: '管理员', password: 'admin-password-1', role: 'admin' });
		await createUser(db, { email: 'staff@zone.example', displayName: '招商', password: 'staff-password-1', role: 'staff' });
		admin = (await userByEmail(db, 'admin@zone.example'))!;
		staff = (await userByEmail(db, 'staff@zone.example'))!;
	});
	afterAll(() => db?.close());

	const audits = (entity: string, id: string) =>
		db.rows<{ action: string; before: unknown; after: unknown; user_id: number }>(
			sql`select action, before, after, user_id from audit_entries where entity = ${entity} and entity_id = ${id} order by id`
		);

	it('builds the taxonomy: industries, a chain with three ordered links, reordering; staff may not', async () => {
		await expect(createIndustry(db, staff, { code: 'nm', nameZh: '新材料', nameEn: 'New materials', group: 'leading' })).rejects.toBeInstanceOf(
			PermissionError
		);
		await createIndustry(db, admin, { code: 'nm', nameZh: '新材料', nameEn: 'New materials', group: 'leading' });
		await createIndustry(db, admin, { code: 'av', nameZh: '航空航天', nameEn: 'Aerospace', group: 'leading' });
		await expect(createIndustry(db, admin, { code: 'nm', nameZh: '重复', nameEn: 'Dup', group: 'leading' })).rejects.toMatchObject({
			fields: { code: 'admin.code_taken' }
		});
		await createChain(db, admin, { code: 're', nameZh: '稀土催化', nameEn: 'Rare-earth catalysis', industry: 'nm' });
		await setChainLinks(db, admin, 're', [
			{ nameZh: '稀土氧化物', nameEn: 'Rare-earth oxides' },
			{ nameZh: '催化剂', nameEn: 'Catalysts' },
			{ nameZh: '尾气净化器', nameEn: 'Exhaust purifiers' }
		]);
		let tree = await taxonomyTree(db, admin);
		expect(tree.chains[0].links.map((l) => [l.position, l.nameEn])).toEqual([
			[1, 'Rare-earth oxides'],
			[2, 'Catalysts'],
			[3, 'Exhaust purifiers']
		]);
		// Reorder the links: downstream first is refused nowhere, it is just an order.
		const [a, b, c] = tree.chains[0].links;
		await setChainLinks(db, admin, 're', [
			{ code: a.code, nameZh: a.nameZh, nameEn: a.nameEn },
			{ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn },
			{ code: b.code, nameZh: '催化剂载体', nameEn: 'Catalyst supports' }
		]);
		tree = await taxonomyTree(db, admin);
		expect(tree.chains[0].links.map((l) => l.code)).toEqual([a.code, c.code, b.code]);
		expect(tree.chains[0].links[2].nameEn).toBe('Catalyst supports');
		await reorderTerms(db, admin, 'industry', ['av', 'nm']);
		expect((await taxonomyTree(db, admin)).industries.map((i) => i.code)).toEqual(['av', 'nm']);
		await updateIndustry(db, admin, 'av', { nameZh: '航空航天产业', nameEn: 'Aerospace industry', group: 'leading' });
		expect((await audits('industry', 'av')).map((x) => x.action)).toEqual(['create', 'update']);
		expect((await audits('chain', 're')).map((x) => x.action)).toEqual(['create', 'update', 'update']);
	});

	it('creates parks and a park within a park inside its parent; refuses one that crosses the edge, naming the parent', async () => {
		await expect(createPark(db, staff, parkInput('AP', G.park))).rejects.toBeInstanceOf(PermissionError);
		const park = await createPark(db, admin, parkInput('AP', G.park, { industries: [{ code: 'nm', leading: true }], chains: ['re'], published: true }));
		expect(park.boundary.type).toBe('MultiPolygon');
		expect((park.boundary as { coordinates: unknown[][] }).coordinates[0].length).toBe(2); // the hole is kept
		expect(park.industries).toEqual([{ code: 'nm', leading: true }]);
		expect(park.chains).toEqual(['re']);
		await createPark(db, admin, parkInput('HL', G.harbinPark, { published: true }));
		await createPark(db, admin, parkInput('AP-IN', G.parkInPark, { kind: 'park_in_park', parentCode: 'AP' }));
		const crossing = createPark(db, admin, parkInput('AP-X', G.parkInParkAcrossEdge, { kind: 'park_in_park', parentCode: 'AP' }));
		await expect(crossing).rejects.toBeInstanceOf(EditValidationError);
		await expect(crossing).rejects.toMatchObject({ fields: { boundary: 'admin.outside_parent' }, message: expect.stringContaining('AP') });
		expect(() => parkInput('AP-Y', G.parkInPark, { kind: 'park_in_park' })).toThrow();
		expect((await listParks(db, admin)).map((p) => p.code)).toEqual(['AP', 'AP-IN', 'HL']);
		expect((await audits('park', 'AP'))[0]).toMatchObject({ action: 'create', before: null, user_id: admin.id });
	});

	it('refuses a park boundary that would leave its plots or parks within it outside, naming them', async () => {
		await createUser(db, { email: 'editor@zone.example', displayName: '园区编辑', password: 'editor-password-1', role: 'park_editor', parkCodes: ['AP'] });
		editor = (await userByEmail(db, 'editor@zone.example'))!;
		await createPlot(db, editor, 'AP', plotInput('AP-1', G.plot1));
		await createPlot(db, editor, 'AP', plotInput('AP-2', G.plot2));
		await createPlot(db, admin, 'HL', plotInput('HL-1', G.harbinPlot));
		const before = (await parkSnapshot(db, 'AP'))!;
		const shrink = updatePark(db, admin, 'AP', parkEditSchema.parse({ ...before, boundary: G.parkWithoutSecondPart }));
		await expect(shrink).rejects.toMatchObject({ fields: { boundary: 'admin.leaves_records_outside' }, message: expect.stringContaining('AP-2') });
		const err = (await shrink.catch((e: unknown) => e)) as EditValidationError;
		expect(err.problems.map((p) => p.reason)).toEqual(['plot AP-2']);
		expect(err.problems[0].geometry).toMatchObject({ type: expect.stringMatching(/Polygon/) });
		// Moving the park within a park so that it leaves… no: shrinking the parent around it is refused too.
		const parent = updatePark(
			db,
			admin,
			'AP',
			parkEditSchema.parse({ ...before, boundary: { type: 'Polygon', coordinates: [G.park.type === 'MultiPolygon' ? G.park.coordinates[1][0] : []] } })
		);
		await expect(parent).rejects.toMatchObject({ message: expect.stringMatching(/AP-1.*AP-IN|AP-IN.*AP-1/) });
		// A park within a park shrunk inside its parent is fine; the edit is audited with before and after.
		const inner = (await parkSnapshot(db, 'AP-IN'))!;
		const after = await updatePark(db, admin, 'AP-IN', parkEditSchema.parse({ ...inner, boundary: G.parkInParkShrunk, nameEn: 'Inner park' }));
		expect(after.areaM2).toBeLessThan(inner.areaM2);
		const log = await audits('park', 'AP-IN');
		expect(log.map((l) => l.action)).toEqual(['create', 'update']);
		expect((log[1].before as { nameEn: string }).nameEn).toBe('Park AP-IN');
		expect((log[1].after as { nameEn: string }).nameEn).toBe('Inner park');
		// Stale version: 409.
		await expect(updatePark(db, admin, 'AP-IN', parkEditSchema.parse({ ...inner, nameEn: 'x' }))).rejects.toMatchObject({ status: 409 });
		await expect(updatePark(db, staff, 'AP-IN', parkEditSchema.parse({ ...after }))).rejects.toBeInstanceOf(PermissionError);
	});

	it('retires a term in use only by merging it; the records that used it are listed first and then use the other', async () => {
		await createIndustry(db, admin, { code: 'nm2', nameZh: '新型材料', nameEn: 'Advanced materials', group: 'leading' });
		const park = (await parkSnapshot(db, 'HL'))!;
		await updatePark(db, admin, 'HL', parkEditSchema.parse({ ...park, industries: [{ code: 'nm2', leading: true }] }));
		const usage = await termUsage(db, admin, 'industry', 'nm2');
		expect(usage).toEqual([{ kind: 'parks', codes: ['HL'], count: 1 }]);
		await expect(retireTerm(db, admin, 'industry', 'nm2', null)).rejects.toMatchObject({ fields: { into: 'admin.merge_required' } });
		await expect(retireTerm(db, admin, 'industry', 'nm2', 'nm2')).rejects.toMatchObject({ fields: { into: 'admin.merge_self' } });
		await expect(retireTerm(db, staff, 'industry', 'nm2', 'nm')).rejects.toBeInstanceOf(PermissionError);
		await retireTerm(db, admin, 'industry', 'nm2', 'nm');
		expect((await parkSnapshot(db, 'HL'))!.industries).toEqual([{ code: 'nm', leading: true }]);
		expect((await taxonomyTree(db, admin)).industries.map((i) => i.code)).not.toContain('nm2');
		const [merge] = (await audits('industry', 'nm2')).filter((a) => a.action === 'merge');
		expect(merge.after).toEqual({ into: 'nm' });
		expect((merge.before as { usage: unknown }).usage).toEqual(usage);
		// A link in use by a firm cannot be dropped from its chain; merged, the firm moves to the other link.
		const links = (await taxonomyTree(db, admin)).chains[0].links;
		const [ind] = await db.rows<{ id: number }>(sql`select id from industries where code = 'nm'`);
		const [lk] = await db.rows<{ id: number }>(sql`select id from chain_links where code = ${links[0].code}`);
		await db.rows(
			sql`insert into enterprises (name_zh, name_en, industry_id, chain_link_id, location) values ('甲企业', 'Firm A', ${ind.id}, ${lk.id}, ST_SetSRID(ST_MakePoint(118.505, 37.405), 4326))`
		);
		await expect(
			setChainLinks(
				db,
				admin,
				're',
				links.slice(1).map((l) => ({ code: l.code, nameZh: l.nameZh, nameEn: l.nameEn }))
			)
		).rejects.toMatchObject({
			fields: { links: 'admin.link_in_use' }
		});
		expect((await termUsage(db, admin, 'link', links[0].code))[0]).toMatchObject({ kind: 'enterprises', codes: ['甲企业'] });
		await retireTerm(db, admin, 'link', links[0].code, links[1].code);
		const [firm] = await db.rows<{ code: string }>(
			sql`select l.code from enterprises e join chain_links l on l.id = e.chain_link_id where e.name_zh = '甲企业'`
		);
		expect(firm.code).toBe(links[1].code);
		expect((await taxonomyTree(db, admin)).chains[0].links.map((l) => l.position)).toEqual([1, 2]);
		// An unused term is simply deleted.
		await createIndustry(db, admin, { code: 'tmp', nameZh: '临时', nameEn: 'Temporary', group: 'digital' });
		await retireTerm(db, admin, 'industry', 'tmp', null);
		expect((await audits('industry', 'tmp')).map((a) => a.action)).toEqual(['create', 'delete']);
	});

	it('sets targets per park and year; the zone total is the sum; only administrators', async () => {
		const year = 2027;
		const t = { year, targetMu: 870, projectsToSign: 10, fundsYi: 12.5, foreignCapitalUsd: 3_000_000, buildingsOver100m: 2, buildingsOver50m: null };
		await expect(saveTargets(db, staff, 'AP', t)).rejects.toBeInstanceOf(PermissionError);
		await saveTargets(db, admin, 'AP', t);
		await saveTargets(db, admin, 'HL', { ...t, targetMu: 2660, projectsToSign: 5, fundsYi: null, buildingsOver100m: 1 });
		const all = await targetsOf(db, admin, year);
		expect(all.zone).toEqual({ targetMu: 3530, projectsToSign: 15, fundsYi: 12.5, foreignCapitalUsd: 6_000_000, buildingsOver100m: 3, buildingsOver50m: null });
		expect(all.parks.find((p) => p.parkCode === 'AP-IN')!.values.targetMu).toBeNull();
		await saveTargets(db, admin, 'AP', { ...t, targetMu: 900 });
		expect((await targetsOf(db, admin, year)).zone.targetMu).toBe(3560);
		expect((await audits('target', `AP/${year}`)).map((a) => a.action)).toEqual(['create', 'update']);
		await expect(saveTargets(db, admin, 'NOPE', t)).rejects.toMatchObject({ fields: { park: 'admin.unknown_park' } });
	});

	it('saves site settings (admins only, versioned, audited); the sample banner shows only with sample data', async () => {
		const s = await loadSettings(db);
		expect(s.sampleData).toBe(false);
		const input: SiteSettingsInput = {
			...s.settings,
			portalNameZh: '示范区招商一张图',
			sampleBanner: true,
			basemap: {
				...s.settings.basemap,
				kind: 'style' as const,
				styleUrl: 'https://maps.example/style.json',
				datum: 'gcj02' as const,
				approvalNumber: 'GS(2024)0650号'
			}
		};
		await expect(saveSettings(db, staff, s.version, input)).rejects.toBeInstanceOf(PermissionError);
		await expect(saveSettings(db, admin, s.version, { ...input, basemap: { ...input.basemap!, styleUrl: 'javascript:alert(1)' } })).rejects.toMatchObject({
			fields: { 'basemap.styleUrl': 'settings.bad_url' }
		});
		await expect(saveSettings(db, admin, s.version, { ...input, staleAfterDays: 90, hideAfterDays: 30 })).rejects.toMatchObject({
			fields: { hideAfterDays: 'settings.hide_before_stale' }
		});
		const saved = await saveSettings(db, admin, s.version, input);
		expect(saved.version).toBe(s.version + 1);
		await expect(saveSettings(db, admin, s.version, input)).rejects.toMatchObject({ status: 409 });
		const pub = publicSettings(await loadSettings(db));
		expect(pub).toMatchObject({ portalNameZh: '示范区招商一张图', showSampleBanner: false, basemap: { datum: 'gcj02', approvalNumber: 'GS(2024)0650号' } });
		const [row] = await db.rows<{ settings: { portalNameZh: string } }>(sql`select settings from site_settings`);
		expect((typeof row.settings === 'string' ? JSON.parse(row.settings) : row.settings).portalNameZh).toBe('示范区招商一张图');
		expect((await audits('settings', 'site')).length).toBe(1);
	});
});
