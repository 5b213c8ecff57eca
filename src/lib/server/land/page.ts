/** The boards' pages: a bad filter in the address is a 400 page with its message, not a 500. */
import { error } from '@sveltejs/kit';
import { EditValidationError } from '../editing/errors';
import { PermissionError } from '../auth/permissions';
import { NotFoundError } from '../editing/errors';

export async function pageLoad<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof EditValidationError) error(400, { message: e.message });
		if (e instanceof PermissionError) error(e.status, { message: e.message });
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
}
