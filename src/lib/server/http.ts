/** Small helpers that keep endpoints thin: JSON errors with a message, never a stack trace. */
import { json } from '@sveltejs/kit';
import type { FieldError } from '../domain/finder';

export function badRequest(errors: FieldError[] | Record<string, string>, status = 400) {
	const list = Array.isArray(errors) ? errors : Object.entries(errors).map(([field, code]) => ({ field, code, message: code }));
	return json({ error: 'invalid_input', message: list.map((e) => e.message).join(' '), errors: list }, { status });
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
