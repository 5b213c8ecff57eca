/**
 * Calls from the browser to the portal's own JSON endpoints: the request as JSON, the answer
 * as its status and parsed body (an empty object when the body is not JSON). Failures are
 * answers too: a 400 carries `message` and field codes, a 409 the current record.
 */
export type Json = Record<string, any>;

export interface Answer<T> {
	ok: boolean;
	status: number;
	body: T;
}

export async function sendJson<T = Json>(url: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', data?: unknown): Promise<Answer<T>> {
	const res = await fetch(url, {
		method,
		headers: data === undefined ? undefined : { 'content-type': 'application/json' },
		body: data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data)
	});
	const body = (await res.json().catch(() => ({}))) as T;
	return { ok: res.ok, status: res.status, body };
}
