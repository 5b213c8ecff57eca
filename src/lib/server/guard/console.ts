/**
 * Who may enter the console: run by hooks.server.ts for every request, so no console page
 * load or console endpoint ever runs without a signed-in user (SvelteKit runs layout and
 * page loads in parallel, and client-side data requests may skip the layout).
 * Roles and park scope are then checked by each write on the server.
 */
import type { SessionUser } from '../auth';

export type ConsoleAccess = 'public' | 'allowed' | 'unauthenticated-api' | 'unauthenticated-page';

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

export function consoleAccess(pathname: string, user: SessionUser | null): ConsoleAccess {
	if (under(pathname, '/api/console')) return user ? 'allowed' : 'unauthenticated-api';
	if (under(pathname, '/console')) return user ? 'allowed' : 'unauthenticated-page';
	return 'public';
}
