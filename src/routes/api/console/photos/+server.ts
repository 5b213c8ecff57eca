import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { addPhoto } from '$lib/server/photos';
import { EditValidationError } from '$lib/server/editing';
import { writeResponse } from '$lib/server/http';

/** POST /api/console/photos (multipart: kind, code, file, caption) → {id}. */
export const POST: RequestHandler = ({ request, locals }) =>
	writeResponse(async () => {
		const length = Number(request.headers.get('content-length') ?? 0);
		if (length > 6 * 1024 * 1024) throw new EditValidationError('Photos may be at most 5 MB.', { file: 'photo.too_big' });
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			throw new EditValidationError('Send the photo as multipart/form-data with kind, code and file.', { file: 'photo.bad_type' });
		}
		const kind = String(form.get('kind') ?? '');
		const code = String(form.get('code') ?? '');
		const file = form.get('file');
		if (!['plot', 'building', 'park'].includes(kind) || !code || !(file instanceof File)) {
			throw new EditValidationError('Send kind (plot, building or park), code and file.', { file: 'photo.bad_type' });
		}
		return addPhoto(await getDatabase(), locals.user, kind as 'plot', code, new Uint8Array(await file.arrayBuffer()), String(form.get('caption') ?? ''));
	}, locals.user);
