/**
 * The import endpoint's HTTP side, kept out of the route: the caller's right to import into
 * the layer and park (checked from the query before the body is read), the multipart form
 * (`file`, `options`), and the answer — JSON, or for the console a stream of progress lines
 * (`application/x-ndjson`) ending with the report.
 */
import { json } from '@sveltejs/kit';
import { ZodError } from 'zod';
import type { SessionUser } from '../auth';
import { PermissionError, requireParkEditor, requireUser } from '../auth/permissions';
import { requireImportRole } from './access';
import type { Database } from '../db/client';
import { sql } from 'drizzle-orm';
import { importLimits } from '../config';
import { IMPORT_LAYERS, type ImportLayer } from '../../domain/import/targets';
import { importOptionsSchema } from '../../domain/import/options';
import type { ImportOptions, ImportReport } from '../../domain/import/report';
import { ImportFileError, ImportRefused } from './errors';
import { runImport, type ImportFile } from './pipeline';

/** Who may import into the layer and park the query names: refused before the upload is read. */
export async function requireImportScope(
	db: Pick<Database, 'rows'>,
	user: SessionUser | null,
	url: URL
): Promise<{ layer: ImportLayer; parkCode: string | null }> {
	requireUser(user);
	const layer = url.searchParams.get('layer') as ImportLayer;
	if (!IMPORT_LAYERS.includes(layer)) throw new ImportFileError('import.layer_unknown', { layer: String(layer).slice(0, 40) });
	const u = requireImportRole(user, layer);
	const parkCode = url.searchParams.get('park') || null;
	if (parkCode) {
		const [park] = await db.rows<{ id: number }>(sql`select id from parks where code = ${parkCode}`);
		if (!park) throw new ImportFileError('import.park_unknown', { park: parkCode.slice(0, 40) });
		requireParkEditor(u, Number(park.id));
	}
	return { layer, parkCode };
}

/** The uploaded file and the options, checked; the file's size limit holds before it is read. */
export async function readImportForm(
	request: Request,
	scope: { layer: ImportLayer; parkCode: string | null }
): Promise<{ file: ImportFile; options: ImportOptions }> {
	const limit = importLimits().maxUploadBytes;
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > limit + 1024 * 1024) throw new ImportFileError('import.too_large', { mb: Math.round(limit / 1048576) }, 413);
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		throw new ImportFileError('import.form_invalid');
	}
	const file = form.get('file');
	if (!(file instanceof File)) throw new ImportFileError('import.form_invalid');
	if (file.size > limit) throw new ImportFileError('import.too_large', { mb: Math.round(limit / 1048576) }, 413);
	let raw: unknown = {};
	const text = form.get('options');
	if (typeof text === 'string' && text.trim()) {
		try {
			raw = JSON.parse(text);
		} catch {
			throw new ImportFileError('import.form_invalid');
		}
	}
	const options = importOptionsSchema.parse({ ...(raw as object), layer: scope.layer, parkCode: scope.parkCode });
	const name =
		[...file.name]
			.filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
			.join('')
			.slice(0, 255) || 'upload';
	return { file: { name, bytes: new Uint8Array(await file.arrayBuffer()) }, options: options as ImportOptions };
}

/**
 * Runs the import and answers: as one JSON document, or (when the client accepts
 * `application/x-ndjson`) as progress lines `{"progress": {...}}` then `{"report": …}` or
 * `{"error": …, "status": n}`, so the console can show how far the server has read.
 */
export async function importResponse(
	db: Database,
	user: SessionUser,
	request: Request,
	file: ImportFile,
	options: ImportOptions,
	mode: 'dry_run' | 'commit'
): Promise<Response> {
	if (!(request.headers.get('accept') ?? '').includes('application/x-ndjson')) {
		// Failures go to the route's error mapper (lib/server/http), like every other write.
		return json(await runImport(db, user, file, options, mode));
	}
	const encoder = new TextEncoder();
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (v: unknown) => controller.enqueue(encoder.encode(JSON.stringify(v) + '\n'));
			let last = 0;
			try {
				const report: ImportReport = await runImport(db, user, file, options, mode, (phase, done, total) => {
					const now = Date.now();
					if (now - last < 150 && done !== total) return;
					last = now;
					send({ progress: { phase, done, total } });
				});
				send({ report });
			} catch (e) {
				if (e instanceof ImportFileError) send({ error: 'invalid_file', key: e.key, params: e.params, message: e.message, status: e.status });
				else if (e instanceof ImportRefused) send({ error: 'has_problems', message: e.message, report: e.report, status: 400 });
				else if (e instanceof PermissionError) send({ error: 'forbidden', message: e.message, status: e.status });
				else if (e instanceof ZodError) send({ error: 'invalid_input', message: e.issues.map((i) => i.path.join('.')).join(', '), status: 400 });
				else {
					console.error(`[import] ${mode} failed: ${(e as Error).name}`);
					send({ error: 'internal', status: 500, message: 'The import failed unexpectedly; nothing was written.' });
				}
			}
			controller.close();
		}
	});
	return new Response(stream, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
}
