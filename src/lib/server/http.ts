/** Small helpers that keep endpoints thin: JSON errors with a message, never a stack trace. */
import { error, json } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { FieldError } from '../domain/finder';
import { ZodError, type ZodType } from 'zod';
import { PermissionError } from './auth/permissions';
import { ConflictError, EditValidationError, NotFoundError } from './editing/errors';
import { TourPlanError } from './tours/graph';
import { en, type MessageKey } from '../i18n/messages';
import { isMessageKey, translate, type Locale } from '../i18n';
import { problemText } from '../i18n/problems';
import { ImportFileError, ImportRefused } from './import/errors';
import { ExportRefused } from './export/request';

/**
 * The language of the request being answered: the visitor's choice (the switch's cookie or
 * `?lang=`), else the portal's default, Chinese. Outside a request (a script, a test), English.
 */
export function requestLocale(): Locale {
	try {
		return getRequestEvent().locals.locale ?? 'zh-CN';
	} catch {
		return 'en';
	}
}

/**
 * 400 with the problems: `errors` (field, code, params, message) and `fields` (field → code, as
 * the console reads it). `message` is in the reader's language (see requestLocale); each
 * error's own `message` stays one English sentence naming the field, for API clients.
 */
export function badRequest(errors: FieldError[] | Record<string, string>, status = 400) {
	const list = Array.isArray(errors)
		? errors
		: Object.entries(errors).map(([field, code]) => ({ field, code, message: code in en ? `${field}: ${en[code as MessageKey]}` : code }));
	const fields = Object.fromEntries(list.map((e) => [e.field, e.code]));
	const locale = requestLocale();
	const message = list.map((e) => problemText(locale, e)).join(locale === 'zh-CN' ? '；' : ' ');
	return json({ error: 'invalid_input', message, errors: list, fields }, { status });
}

export function failure(status: number, error: string, message: string) {
	return json({ error, message }, { status });
}

/** Reads a JSON body, or returns null when it is not JSON. */
export async function readJson(request: Request): Promise<unknown | null> {
	try {
		return await request.json();
	} catch {
		return null;
	}
}

/**
 * Runs a console write and maps its failures to HTTP: 401/403 for permissions, 409 with the
 * current record for a stale version, 400 with field messages and drawable problems for
 * invalid input, 404 for unknown records.
 */
export function writeResponse(fn: () => Promise<unknown>, user?: unknown): Promise<Response> {
	return guardedResponse(async () => json(await fn()), user);
}

/** As writeResponse, for a handler that builds its own Response (a download, say). */
export async function guardedResponse(fn: () => Promise<Response>, user?: unknown): Promise<Response> {
	// Authentication comes before anything else, so an anonymous request learns nothing from validation.
	if (user === null) return failure(401, 'unauthenticated', 'Sign in first.');
	try {
		return await fn();
	} catch (e) {
		if (e instanceof PermissionError) return failure(e.status, e.status === 401 ? 'unauthenticated' : 'forbidden', e.message);
		if (e instanceof ConflictError) return json({ error: 'conflict', message: e.message, current: e.current }, { status: 409 });
		if (e instanceof EditValidationError)
			return json({ error: 'invalid_input', message: editMessage(e), detail: e.message, fields: e.fields, problems: e.problems }, { status: 400 });
		if (e instanceof NotFoundError) return failure(404, 'not_found', e.message);
		if (e instanceof TourPlanError) return json(e.problem, { status: 400 });
		if (e instanceof ZodError) return badRequest(fieldErrorsOf(e));
		if (e instanceof ImportFileError) return json({ error: 'invalid_file', key: e.key, params: e.params, message: e.message }, { status: e.status });
		if (e instanceof ImportRefused) return json({ error: 'has_problems', message: e.message, report: e.report }, { status: 400 });
		if (e instanceof ExportRefused)
			return json(
				{ error: e.status === 404 ? 'not_found' : 'invalid_input', key: e.key, params: e.params, message: translate('en', e.key, e.params) },
				{ status: e.status }
			);
		throw e;
	}
}

/** A refused edit in the reader's language: its sentence, else its first field's problem, else the English message. */
function editMessage(e: EditValidationError): string {
	const locale = requestLocale();
	if (e.said && isMessageKey(e.said.key)) return translate(locale, e.said.key, e.said.params);
	const [field, key] = Object.entries(e.fields)[0] ?? [];
	if (key && isMessageKey(key)) return problemText(locale, { field, code: key });
	return e.message;
}

const KEYED = /^(form|edit|geometry|tour|admin|settings|land|pipeline|export)\./;

/**
 * Field errors of a schema: per field its message key (the console and forms translate it),
 * and one English sentence per problem for API clients, naming the field.
 */
export function fieldErrorsOf(e: ZodError): FieldError[] {
	const out: FieldError[] = [];
	const seen = new Set<string>();
	for (const i of e.issues) {
		const field = i.path.length ? i.path.map(String).join('.') : 'body';
		const top = String(i.path[0] ?? 'body');
		if (seen.has(top)) continue;
		seen.add(top);
		const keyed = KEYED.test(i.message);
		const detail = (i as { params?: { detail?: string } }).params?.detail;
		const english = detail ?? (keyed && i.message in en ? en[i.message as MessageKey] : i.message);
		out.push({ field: top, code: keyed ? i.message : plainCode(i), message: `${field}: ${english}` });
	}
	return out;
}

/** The message key of a schema problem that carries none of its own: what was expected, in words. */
function plainCode(i: ZodError['issues'][number]): MessageKey {
	if (i.code === 'invalid_type' && (i.expected === 'number' || i.expected === 'int')) return 'form.number';
	if (i.code === 'too_small' && i.origin === 'number') return 'form.positive';
	if (i.code === 'too_big' && i.origin === 'string') return 'form.too_long';
	if (i.code === 'invalid_type' && i.input === undefined) return 'form.required';
	if (i.code === 'invalid_format' && i.format === 'email') return 'form.email';
	if (i.code === 'invalid_format' && (i.format === 'date' || i.format === 'datetime')) return 'form.invalid_date';
	return 'form.invalid';
}

/** Parses a JSON body with a schema, throwing ZodError (→ 400) when it does not fit. */
export async function parseBody<T>(request: Request, schema: ZodType<T>): Promise<T> {
	const body = await readJson(request);
	return schema.parse(body ?? undefined);
}

/** Parses an address's query with a schema (empty values count as absent), throwing ZodError (→ 400). */
export function parseQuery<T>(url: URL, schema: ZodType<T>): T {
	return schema.parse(Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')));
}

/**
 * A page's data, with the failures an endpoint maps to a status mapped to the error page
 * instead: a bad address is a 400 page with its message, not a 500; no permission a 401/403;
 * an unknown record a 404.
 */
export async function pageData<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof ZodError)
			error(400, {
				message: fieldErrorsOf(e)
					.map((f) => f.message)
					.join(' ')
			});
		if (e instanceof EditValidationError) error(400, { message: e.message });
		if (e instanceof PermissionError) error(e.status, { message: e.message });
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
}
