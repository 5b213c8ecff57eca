/**
 * The mail transport for messages to investors: SMTP through nodemailer, configured by the
 * environment (`SITEATLAS_SMTP_URL`, e.g. smtps://user:password@smtp.example.cn:465, and
 * `SITEATLAS_MAIL_FROM`). Without it there is no transport, and the outbox keeps messages
 * pending — nothing is ever called sent that no server accepted.
 */
import { createTransport } from 'nodemailer';

export interface OutgoingMessage {
	to: string;
	subject: string;
	body: string;
}

/** The transport's word on a message it accepted: its id. */
export interface Accepted {
	messageId: string;
}

/** A message the transport did not take; `permanent` when retrying cannot help (a 5xx answer). */
export class DeliveryError extends Error {
	constructor(
		message: string,
		readonly permanent: boolean
	) {
		super(message);
	}
}

/** A way to deliver messages (SMTP, a queue …). Resolves only when the message was accepted; throws otherwise. */
export interface Transport {
	send(message: OutgoingMessage): Promise<Accepted | void>;
}

/** The SMTP server's answer, without the addresses it may quote. */
function reason(e: unknown): { text: string; permanent: boolean } {
	const err = e as { responseCode?: number; code?: string; message?: string };
	const code = err.responseCode ? String(err.responseCode) : (err.code ?? 'ERROR');
	const text = String(err.message ?? '')
		.replace(/<?[^\s<>@]+@[^\s<>@]+>?/g, '<…>')
		.slice(0, 200);
	return { text: `${code} ${text}`.trim(), permanent: Boolean(err.responseCode && err.responseCode >= 500) };
}

/** An SMTP transport for a connection URL (smtp:// or smtps://) and a sender address. */
export function smtpTransport(url: string, from: string): Transport {
	const mailer = createTransport(url);
	return {
		async send(m) {
			let info;
			try {
				info = await mailer.sendMail({ from, to: m.to, subject: m.subject, text: m.body });
			} catch (e) {
				const r = reason(e);
				throw new DeliveryError(r.text, r.permanent);
			}
			if (info.rejected.length > 0 || info.accepted.length === 0) throw new DeliveryError(`rejected ${info.response ?? ''}`.trim(), true);
			return { messageId: info.messageId };
		}
	};
}

/** The transport the environment configures, or null when none is. */
export function transportFromEnv(env: NodeJS.ProcessEnv = process.env): Transport | null {
	const url = env.SITEATLAS_SMTP_URL;
	if (!url) return null;
	return smtpTransport(url, env.SITEATLAS_MAIL_FROM ?? 'SiteAtlas <no-reply@localhost>');
}
