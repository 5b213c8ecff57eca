import { json, redirect, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { DatabaseStartupError, getDatabase } from '$lib/server/db';
import { isDatabaseOutage, outageReason } from '$lib/server/db/outage';
import { LOCALE_COOKIE, isLocale, pickLocale, translate, type Locale } from '$lib/i18n';
import { startLedgerWorker } from '$lib/server/land/worker';
import { startDemandHeatWorker } from '$lib/server/heat/worker';
import { startRequirementsWorker } from '$lib/server/requirements/worker';
import { SESSION_COOKIE, sessionUser } from '$lib/server/auth';
import { checkRequest } from '$lib/server/guard/request';
import { extraMapOrigins, withSecurityHeaders } from '$lib/server/guard/headers';
import { consoleAccess } from '$lib/server/guard/console';
import { RateLimiter, isPublicApi, ratePerMinute, withBodyEtag } from '$lib/server/guard/public-api';
import { describeError } from '$lib/server/log';
import { installProcessHandlers } from '$lib/server/process';
import { siteViews } from '$lib/server/enquiries/views';
import { loadSettings } from '$lib/server/settings';
import { basemapOrigins } from '$lib/domain/basemap';

/**
 * Opens (and on first start, migrates and seeds) the database before the first
 * request. A database that cannot be used stops the server with one line that
 * says what to do, never a stack trace.
 */
export const init: ServerInit = async () => {
	installProcessHandlers();
	const started = performance.now();
	try {
		const database = await getDatabase();
		console.log(`SiteAtlas: ${database.mode} database at ${database.where} ready in ${Math.round(performance.now() - started)} ms`);
		const origin = process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
		const stopRequirements = startRequirementsWorker(database, origin);
		const stopLedgers = startLedgerWorker(database);
		const stopHeat = startDemandHeatWorker(database);
		const stopWorker = () => {
			stopRequirements();
			stopLedgers();
			stopHeat();
		};
		// adapter-node stops taking requests on SIGTERM/SIGINT, then emits this: close the database so the
		// process can exit. Requests still running then fail (503); a driver that does not let go of its
		// sockets must not keep the process alive, so it exits after a deadline whatever happens.
		process.once('sveltekit:shutdown', () => {
			stopWorker();
			const deadline = setTimeout(() => process.exit(0), SHUTDOWN_DEADLINE_MS);
			deadline.unref();
			siteViews
				.flush()
				.then(() => database.close())
				.catch(() => {})
				.finally(() => setTimeout(() => process.exit(0), 200).unref());
		});
	} catch (e) {
		if (e instanceof DatabaseStartupError) {
			console.error(`SiteAtlas cannot start: ${e.message}`);
		} else {
			// Never the failed query's text or parameters: they may carry personal data.
			console.error(`SiteAtlas cannot start: ${describeError(e)}`);
		}
		process.exit(1);
	}
};

/** How long closing the database may take when the server stops. */
const SHUTDOWN_DEADLINE_MS = 15_000;

/** Seconds a client should wait before trying again while the database is away. */
const RETRY_AFTER_S = 5;

/** Endpoints answer in JSON; pages in HTML. */
const wantsJson = (event: RequestEvent) =>
	/^\/(api|tiles|photos|basemap)\//.test(event.url.pathname) || event.url.pathname.endsWith('/__data.json') || event.isDataRequest;

function outageResponse(event: RequestEvent): Response {
	const locale: Locale = event.locals.locale ?? 'zh-CN';
	const headers = { 'retry-after': String(RETRY_AFTER_S), 'cache-control': 'no-store' };
	if (wantsJson(event)) {
		return json({ error: 'database_unavailable', message: translate('en', 'error.db_unavailable') }, { status: 503, headers });
	}
	const title = translate(locale, 'error.db_unavailable_title');
	const text = translate(locale, 'error.db_unavailable');
	const body = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1rem"><h1>${title}</h1><p>${text}</p><p><a href="">${translate(locale, 'error.retry')}</a></p></body></html>`;
	return new Response(body, { status: 503, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}

function problemResponse(status: number, error: string, message: string): Response {
	return json({ error, message }, { status });
}

const envOrigins = extraMapOrigins();
const publicApiLimit = new RateLimiter(ratePerMinute());

/** The client's address as adapter-node sees it (behind a proxy, from ADDRESS_HEADER); one shared bucket when it cannot say. */
function addressOf(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

export const handle: Handle = async ({ event, resolve }) => {
	let origins = envOrigins;
	const finish = (r: Response) => withSecurityHeaders(r, { https: event.url.protocol === 'https:', origins });
	// ?lang=en (or zh-CN) switches language and remembers it; otherwise the cookie, then the browser.
	const asked = event.url.searchParams.get('lang');
	if (isLocale(asked)) {
		event.cookies.set(LOCALE_COOKIE, asked, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 365 * 86400 });
	}
	event.locals.locale = pickLocale(isLocale(asked) ? asked : event.cookies.get(LOCALE_COOKIE));
	event.locals.user = null;

	// The input layer's backstop: no control characters, no over-deep or oversized JSON, for any route.
	const problem = await checkRequest(event.request, event.url);
	if (problem) return finish(problemResponse(problem.status, problem.error, problem.message));

	const publicApi = isPublicApi(event.url.pathname);
	if (publicApi) {
		const wait = publicApiLimit.take(addressOf(event));
		if (wait !== null)
			return finish(
				json(
					{ error: 'rate_limited', message: translate(event.locals.locale, 'api.rate_limited', { seconds: wait }), retryAfterSeconds: wait },
					{ status: 429, headers: { 'retry-after': String(wait), 'access-control-allow-origin': '*', 'cache-control': 'no-store' } }
				)
			);
	}

	try {
		event.locals.sessionToken = event.cookies.get(SESSION_COOKIE);
		const db = await getDatabase();
		event.locals.user = event.locals.sessionToken ? await sessionUser(db, event.locals.sessionToken) : null;
		event.locals.settings = await loadSettings(db);
		// The basemap the administrator chose may load from its own origins: the page's policy allows them.
		origins = [...new Set([...envOrigins, ...basemapOrigins(event.locals.settings.settings.basemap)])];
	} catch (e) {
		if (!isDatabaseOutage(e)) throw e;
		console.warn(`[db] unavailable (${outageReason(e)}): ${event.request.method} ${event.url.pathname} answered 503`);
		return finish(outageResponse(event));
	}

	// The console and its API are for signed-in users, checked here for every request (layout
	// loads and client-side data requests do not always run together).
	const access = consoleAccess(event.url.pathname, event.locals.user);
	if (access === 'unauthenticated-api') return finish(problemResponse(401, 'unauthenticated', 'Sign in first.'));
	if (access === 'unauthenticated-page') redirect(303, `/signin?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	if (access === 'password-change-api') return finish(problemResponse(403, 'password_change_required', 'Choose your own password first (console → account).'));
	if (access === 'password-change-page') redirect(303, '/console/account?must=1');

	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	if (event.locals.outage) return finish(outageResponse(event));
	return finish(publicApi ? await withBodyEtag(event.request, response) : response);
};

/**
 * Unexpected errors: a database that went away becomes 503 (see handle); anything else is
 * logged in one line without personal data — no query parameters, no request body.
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (isDatabaseOutage(error)) {
		event.locals.outage = true;
		console.warn(`[db] unavailable (${outageReason(error)}): ${event.request.method} ${event.url.pathname} answered 503`);
		return { message: 'error.db_unavailable' };
	}
	if (status >= 500) console.error(`[${status}] ${event.request.method} ${event.route.id ?? event.url.pathname}: ${describeError(error)}`);
	return { message: status === 404 ? 'error.not_found' : 'error.internal' };
};
