/** The user endpoints' HTTP side: the user id of an address, and a new credential as the console shows it once. */
import type { Credential } from '.';
import { NotFoundError } from '../editing/errors';

export function userIdParam(raw: string): number {
	const id = Number(raw);
	if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw new NotFoundError(`No user ${raw.slice(0, 20)}.`);
	return id;
}

/** The invitation link on this site, or the temporary password. */
export function credentialAnswer(c: Credential, origin: string) {
	return c.mode === 'invite' ? { mode: c.mode, link: `${origin}/invite/${c.token}`, expiresAt: c.expiresAt } : { mode: c.mode, password: c.password };
}
