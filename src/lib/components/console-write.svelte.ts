/**
 * One write from a console page and the line it leaves: the answer's message in the reader's
 * language when refused (a stale version, the first field's problem, else the server's
 * sentence), the page's own words when done — and the page's data reloaded after a success.
 */
import { invalidateAll } from '$app/navigation';
import { sendJson, type Json } from '$lib/api';
import { translate, type Locale, type MessageKey } from '$lib/i18n';

/** The text a refused answer shows. */
export function refusalText(locale: Locale, status: number, body: Json): string {
	if (status === 409) return translate(locale, 'console.conflict');
	const key = Object.values((body.fields ?? {}) as Record<string, string>)[0];
	return key ? translate(locale, key as MessageKey) : String(body.message ?? '');
}

export class ConsoleWrite {
	message = $state<{ ok: boolean; text: string } | null>(null);

	constructor(private readonly locale: () => Locale) {}

	/** Sends the write; returns the answer's body when it was done, else null (the message says why). */
	async send(url: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body: unknown, done: MessageKey): Promise<Json | null> {
		this.message = null;
		const answer = await sendJson(url, method, body);
		if (!answer.ok) {
			this.message = { ok: false, text: refusalText(this.locale(), answer.status, answer.body) };
			return null;
		}
		this.message = { ok: true, text: translate(this.locale(), done) };
		await invalidateAll();
		return answer.body;
	}
}
