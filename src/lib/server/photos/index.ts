/**
 * Photos of plots, buildings and parks. The type is decided by the file's own first bytes
 * (JPEG, PNG or WebP), never by its name or the browser's claim; files over the size limit
 * and sites over the count limit are refused. Uploads and deletions are audited.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { SessionUser } from '../auth';
import { requireParkEditor, requireUser } from '../auth/permissions';
import { EditValidationError, NotFoundError } from '../editing/errors';
import { recordAudit } from '../audit';
import { text } from '../../domain/input';
import { bumpLayerVersions } from '../tiles/versions';

const LAYER = { plot: 'plots', building: 'buildings', park: 'parks' } as const;

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS_PER_SITE = 12;

export type SiteKind = 'plot' | 'building' | 'park';

/** The image type from magic bytes, or null for anything else. */
export function sniffImageType(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | null {
	if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
	if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'image/png';
	const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
	if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
	return null;
}

async function siteParkId(db: Database, kind: SiteKind, code: string): Promise<number> {
	const table = kind === 'plot' ? sql`plots` : kind === 'building' ? sql`buildings` : sql`parks`;
	const column = kind === 'park' ? sql`id` : sql`park_id`;
	const [r] = await db.rows<{ park_id: number }>(sql`select ${column} as park_id from ${table} where code = ${code}`);
	if (!r) throw new NotFoundError(`No ${kind} "${code}".`);
	return Number(r.park_id);
}

/** Signed in and editing the site's park: checked before the file is looked at. */
export async function requirePhotoScope(db: Database, user: SessionUser | null, kind: SiteKind, code: string): Promise<void> {
	requireParkEditor(requireUser(user), await siteParkId(db, kind, code));
}

/** A caption from a form field: plain text of at most 200 characters, or the field is refused. */
export function photoCaption(raw: FormDataEntryValue | null): string {
	const parsed = text(200).safeParse(typeof raw === 'string' ? raw : '');
	if (!parsed.success) throw new EditValidationError('The caption is too long or contains control characters.', { caption: parsed.error.issues[0].message });
	return parsed.data;
}

export async function addPhoto(
	db: Database,
	user: SessionUser | null,
	kind: SiteKind,
	code: string,
	bytes: Uint8Array,
	caption: string
): Promise<{ id: number }> {
	const u = requireUser(user);
	requireParkEditor(u, await siteParkId(db, kind, code));
	if (bytes.byteLength === 0) throw new EditValidationError('The file is empty.', { file: 'photo.empty' });
	if (bytes.byteLength > MAX_PHOTO_BYTES)
		throw new EditValidationError(`Photos may be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`, { file: 'photo.too_big' });
	const type = sniffImageType(bytes);
	if (!type) throw new EditValidationError('Only JPEG, PNG and WebP images are accepted.', { file: 'photo.bad_type' });
	return db.transaction(async (tx) => {
		const [{ n }] = await tx.rows<{ n: number }>(sql`select count(*)::int as n from photos where site_kind = ${kind} and site_code = ${code}`);
		if (Number(n) >= MAX_PHOTOS_PER_SITE) throw new EditValidationError(`A site may have at most ${MAX_PHOTOS_PER_SITE} photos.`, { file: 'photo.too_many' });
		const [row] = await tx.rows<{ id: number }>(sql`
			insert into photos (site_kind, site_code, content_type, bytes, caption, uploaded_by)
			values (${kind}, ${code}, ${type}, ${bytes}, ${caption}, ${u.id}) returning id`);
		await recordAudit(tx, u, 'create', `${kind}-photo`, code, null, { id: Number(row.id), contentType: type, bytes: bytes.byteLength, caption });
		// The photo is part of the published record: its pages and cached answers change with it.
		await bumpLayerVersions(tx, [LAYER[kind]]);
		return { id: Number(row.id) };
	});
}

export async function deletePhoto(db: Database, user: SessionUser | null, id: number): Promise<void> {
	const u = requireUser(user);
	const [p] = await db.rows<{ site_kind: SiteKind; site_code: string; caption: string }>(
		sql`select site_kind, site_code, caption from photos where id = ${id}`
	);
	if (!p) throw new NotFoundError(`No photo ${id}.`);
	requireParkEditor(u, await siteParkId(db, p.site_kind, p.site_code));
	await db.transaction(async (tx) => {
		await tx.rows(sql`delete from photos where id = ${id}`);
		await recordAudit(tx, u, 'delete', `${p.site_kind}-photo`, p.site_code, { id, caption: p.caption }, null);
		await bumpLayerVersions(tx, [LAYER[p.site_kind]]);
	});
}

export interface PhotoRef {
	id: number;
	caption: string;
}

export async function listPhotos(db: Database, kind: SiteKind, code: string): Promise<PhotoRef[]> {
	const rows = await db.rows<{ id: number; caption: string }>(
		sql`select id, caption from photos where site_kind = ${kind} and site_code = ${code} order by id`
	);
	return rows.map((r) => ({ id: Number(r.id), caption: r.caption }));
}

/** A photo's bytes, only if its site is published. */
export async function photoBytes(db: Database, id: number): Promise<{ type: string; bytes: Uint8Array } | null> {
	const [r] = await db.rows<{ content_type: string; bytes: Uint8Array }>(sql`
		select p.content_type, p.bytes from photos p
		where p.id = ${id} and case p.site_kind
			when 'plot' then exists (select 1 from plots x where x.code = p.site_code and x.published)
			when 'building' then exists (select 1 from buildings x where x.code = p.site_code and x.published)
			else exists (select 1 from parks x where x.code = p.site_code and x.published) end`);
	if (!r) return null;
	const b = r.bytes;
	return { type: r.content_type, bytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength) };
}
