import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/client';
import { sessionUser, signIn } from '../../src/lib/server/auth';
import { addPhoto, deletePhoto, listPhotos, MAX_PHOTO_BYTES, photoBytes, sniffImageType } from '../../src/lib/server/photos';
import { EditValidationError } from '../../src/lib/server/editing';
import { MODE, openTestDatabase } from './db';

const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70]);
const WEBP = Uint8Array.from(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1'));

let db: Database;
beforeAll(async () => {
	db = await openTestDatabase();
});
afterAll(() => db?.close());

const as = async (email: string, password: string) => (await sessionUser(db, (await signIn(db, email, password, `ip-photo-${email}`)).token))!;

describe('image type sniffing', () => {
	it('knows JPEG, PNG and WebP by their first bytes, and nothing else', () => {
		expect(sniffImageType(PNG)).toBe('image/png');
		expect(sniffImageType(JPEG)).toBe('image/jpeg');
		expect(sniffImageType(WEBP)).toBe('image/webp');
		expect(sniffImageType(new TextEncoder().encode('<svg onload=alert(1)>'))).toBeNull();
		expect(sniffImageType(new TextEncoder().encode('GIF89a'))).toBeNull();
	});
});

describe(`photos (${MODE})`, () => {
	it('stores a photo of the editor’s own site with an audit entry, and serves it while the site is published', async () => {
		const editor = await as('editor-se@demo.siteatlas', 'demo-se-2026');
		const [b] = await db.rows<{ code: string }>(
			sql`select b.code from buildings b join parks k on k.id = b.park_id where k.code = 'SE' and b.published order by b.code limit 1`
		);
		const { id } = await addPhoto(db, editor, 'building', b.code, PNG, 'Lobby <b>west</b>');
		expect((await listPhotos(db, 'building', b.code)).map((p) => p.id)).toContain(id);
		expect((await photoBytes(db, id))!.type).toBe('image/png');
		const [a] = await db.rows<{ action: string; entity: string }>(
			sql`select action, entity from audit_entries where entity_id = ${b.code} order by id desc limit 1`
		);
		expect(a).toEqual({ action: 'create', entity: 'building-photo' });
		await db.rows(sql`update buildings set published = false where code = ${b.code}`);
		expect(await photoBytes(db, id)).toBeNull();
		await db.rows(sql`update buildings set published = true where code = ${b.code}`);
		await deletePhoto(db, editor, id);
		expect(await photoBytes(db, id)).toBeNull();
	});
	it('refuses other types, empty and oversized files, and other parks’ sites', async () => {
		const editor = await as('editor-se@demo.siteatlas', 'demo-se-2026');
		const [b] = await db.rows<{ code: string }>(
			sql`select b.code from buildings b join parks k on k.id = b.park_id where k.code = 'SE' order by b.code limit 1`
		);
		const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
		expect((await addPhoto(db, editor, 'building', b.code, svg, '').catch((e) => e)).fields.file).toBe('photo.bad_type');
		expect((await addPhoto(db, editor, 'building', b.code, new Uint8Array(0), '').catch((e) => e)).fields.file).toBe('photo.empty');
		const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
		big.set(PNG);
		expect(await addPhoto(db, editor, 'building', b.code, big, '').catch((e) => e)).toBeInstanceOf(EditValidationError);
		const [nm] = await db.rows<{ code: string }>(sql`select p.code from plots p join parks k on k.id = p.park_id where k.code = 'NM' limit 1`);
		expect((await addPhoto(db, editor, 'plot', nm.code, PNG, '').catch((e) => e)).status).toBe(403);
		expect((await addPhoto(db, null, 'plot', nm.code, PNG, '').catch((e) => e)).status).toBe(401);
	});
});
