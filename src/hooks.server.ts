import type { Handle, ServerInit } from '@sveltejs/kit';
import { DatabaseStartupError, getDatabase } from '$lib/server/db';
import { LOCALE_COOKIE, isLocale, pickLocale } from '$lib/i18n';
import { startRequirementsWorker } from '$lib/server/requirements/worker';
import { SESSION_COOKIE, sessionUser } from '$lib/server/auth';

/**
 * Opens (and on first start, migrates and seeds) the database before the first
 * request. A database that cannot be used stops the server with one line that
 * says what to do, never a stack trace.
 */
export const init: ServerInit = async () => {
	const started = performance.now();
	try {
		const database = await getDatabase();
		console.log(
			`SiteAtlas: ${database.mode} database at ${database.where} ready in ${Math.round(performance.now() - started)} ms`
		);
		const origin = process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
		const stopWorker = startRequirementsWorker(database, origin);
		// adapter-node stops taking requests on SIGTERM/SIGINT, then emits this: close the database so the process can exit.
		process.once('sveltekit:shutdown', () => {
			stopWorker();
			void database.close().catch(() => {});
		});
	} catch (e) {
		if (e instanceof DatabaseStartupError) {
			console.error(`SiteAtlas cannot start: ${e.message}`);
		} else {
			console.error(`SiteAtlas cannot start: ${(e as Error).message}`);
		}
		process.exit(1);
	}
};

export const handle: Handle = async ({ event, resolve }) => {
	// ?lang=en (or zh-CN) switches language and remembers it; otherwise the cookie, then the browser.
	const asked = event.url.searchParams.get('lang');
	if (isLocale(asked)) {
		event.cookies.set(LOCALE_COOKIE, asked, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 365 * 86400 });
	}
	event.locals.locale = pickLocale(isLocale(asked) ? asked : event.cookies.get(LOCALE_COOKIE));
	event.locals.sessionToken = event.cookies.get(SESSION_COOKIE);
	event.locals.user = event.locals.sessionToken ? await sessionUser(await getDatabase(), event.locals.sessionToken) : null;
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};
