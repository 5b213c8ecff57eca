import type { Locale } from '$lib/i18n';
import type { SessionUser } from '$lib/server/auth';
import type { StoredSettings } from '$lib/server/settings';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			user: SessionUser | null;
			sessionToken: string | undefined;
			/** The site settings, read (cached) for every request. */
			settings: StoredSettings;
			/** Set by handleError when the database went away during this request (answered 503). */
			outage?: boolean;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
