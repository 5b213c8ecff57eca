/**
 * One write from a console page and the line it leaves: the answer's message in the reader's
 * language when refused (a stale version, the first field's problem, else the server's
 * sentence), the page's own words when done — once the page's data is reloaded after a success.
 */
import { invalidateAll } from '$app/navigation';
import { sendJson, type Json } from '$lib/api';
import { isMessageKey, translate, type Locale, type MessageKey } from '$lib/i18n';

/** The text a refused answer shows. */
export function refusalText(locale: Locale, status: number, body: Json): string {
	if (status === 409) return translate(locale, 'console.conflict');
	// The first field's problem in the reader's language; a code with no words of its own (`invalid`) gives the server's sentence.
	const key = Object.values((body.fields ?? {}) as Record<string, string>)[0];
	if (key && isMessageKey(key)) return translate(locale, key);
	// A server error says `error.internal`: its words, not the key.
	const message = String(body.message ?? '');
	return isMessageKey(message) ? translate(locale, message) : message;
}

export class ConsoleWrite {
	message = $state<{ ok: boolean; text: string } | null>(null);
	/** A write is on its way (buttons wait). */
	busy = $state(false);

	constructor(private readonly locale: () => Locale) {}

	/** Sends the write; returns the answer's body when it was done, else null (the message says why). `params` fill the done message from the answer. */
	async send(
		url: string,
		method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
		body: unknown,
		done: MessageKey,
		params?: (answer: Json) => Record<string, string | number>
	): Promise<Json | null> {
		this.message = null;
		this.busy = true;
		try {
			const answer = await sendJson(url, method, body);
			if (!answer.ok) {
				this.message = { ok: false, text: refusalText(this.locale(), answer.status, answer.body) };
				return null;
			}
			// The page's data first, then the word that it is done: a form reset by the new data is not typed into meanwhile.
			await invalidateAll();
			this.message = { ok: true, text: translate(this.locale(), done, params?.(answer.body)) };
			return answer.body;
		} finally {
			this.busy = false;
		}
	}
}
