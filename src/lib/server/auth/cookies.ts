import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE, SESSION_DAYS } from '.';

/** The session cookie: httpOnly, SameSite=Lax, Secure over HTTPS, whole site. */
export function setSessionCookie(cookies: Cookies, token: string, secure: boolean) {
	cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_DAYS * 86400 });
}

export function clearSessionCookie(cookies: Cookies) {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}
