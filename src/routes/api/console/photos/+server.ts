import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { addPhoto, photoCaption, requirePhotoScope, MAX_PHOTO_BYTES } from '$lib/server/photos';
import { EditValidationError } from '$lib/server/editing';
import { writeResponse } from '$lib/server/http';

/** POST /api/console/photos (multipart: kind, code, file, caption) → {id}. The site's park scope is checked before the file. */
export const POST: RequestHandler = ({ request, locals }) =>
	writeResponse(async () => {
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			throw new EditValidationError('Send the photo as multipart/form-data with kind, code and file.', { file: 'photo.bad_type' });
		}
		const kind = String(form.get('kind') ?? '');
		const code = String(form.get('code') ?? '');
		if (!['plot', 'building', 'park'].includes(kind) || !/^[A-Za-z0-9_-]{1,64}$/.test(code)) {
			throw new EditValidationError('Send kind (plot, building or park) and the code of the site.', { file: 'photo.bad_type' });
		}
		const db = await getDatabase();
		await requirePhotoScope(db, locals.user, kind as 'plot', code);
		const file = form.get('file');
		if (!(file instanceof File)) throw new EditValidationError('Send the image as the "file" field.', { file: 'photo.bad_type' });
		if (file.size > MAX_PHOTO_BYTES) throw new EditValidationError(`Photos may be at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`, { file: 'photo.too_big' });
		return addPhoto(db, locals.user, kind as 'plot', code, new Uint8Array(await file.arrayBuffer()), photoCaption(form.get('caption')));
	}, locals.user);
