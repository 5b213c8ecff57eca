/**
 * Creates a user and assigns a role (and parks, for a park editor).
 *   npm run user:create -- --email wang@zone.gov.cn --name "王伟" --role park_editor --parks NM,NM-RE
 * The password is read from standard input (one line) or SITEATLAS_NEW_PASSWORD; it is never
 * taken from the command line, where other users could see it.
 */
import { createUser } from '../src/lib/server/auth';
import { ROLES, isOneOf } from '../src/lib/domain/vocab';
import { fail, openConfiguredDatabase, readPassword } from './cli';

const arg = (name: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : undefined;
};
const email = arg('email');
const name = arg('name') ?? email;
const role = arg('role');
const parks = (arg('parks') ?? '').split(',').filter(Boolean);

if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) fail(new Error('Give --email with a valid address.'));
if (!isOneOf(ROLES, role)) fail(new Error(`Give --role, one of: ${ROLES.join(', ')}.`));
if (role === 'park_editor' && parks.length === 0) fail(new Error('A park editor needs --parks with one or more park codes, e.g. --parks NM,TE.'));

try {
	const password = await readPassword();
	const db = await openConfiguredDatabase();
	const id = await db.transaction((tx) => createUser(tx, { email: email!, displayName: name!, password, role: role!, parkCodes: parks }));
	console.log(`Created user ${id}: ${email} (${role}${parks.length ? `; parks ${parks.join(', ')}` : ''}) in ${db.where}`);
	await db.close();
} catch (e) {
	fail(e);
}
