/**
 * Who may enter the console: run by hooks.server.ts for every request, so no console page
 * load or console endpoint ever runs without a signed-in user (SvelteKit runs layout and
 * page loads in parallel, and client-side data requests may skip the layout).
 * Roles and park scope are then checked by each write on the server.
 */
import type { SessionUser } from '../auth';

export type ConsoleAccess = 'public' | 'allowed' | 'unauthenticated-api' | 'unauthenticated-page' | 'password-change-api' | 'password-change-page';

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/**
 * A user signed in with a temporary password reaches only the account page (to choose their
 * own) until they have: every other console page sends them there, the console API answers 403.
 */
export function consoleAccess(pathname: string, user: SessionUser | null): ConsoleAccess {
	if (under(pathname, '/api/console')) return !user ? 'unauthenticated-api' : user.mustChangePassword ? 'password-change-api' : 'allowed';
	if (under(pathname, '/console')) {
		if (!user) return 'unauthenticated-page';
		return user.mustChangePassword && !under(pathname, '/console/account') ? 'password-change-page' : 'allowed';
	}
	return 'public';
}
