/**
 * Sets up a zone from nothing: creates its first administrator, once, in an empty database.
 *   SITEATLAS_SEED=none npm run setup -- --admin-email li@zone.gov.cn --name "李明"
 * The password is read from standard input (one line) or SITEATLAS_NEW_PASSWORD, never from the
 * command line. Then start the portal (SITEATLAS_SEED=none keeps the sample zone out) and sign in.
 */
import { parseArgs } from 'node:util';
import { createFirstAdmin } from '../src/lib/server/users/setup';
import { EditValidationError } from '../src/lib/server/editing/errors';
import { fail, openConfiguredDatabase, readPassword } from './cli';

const { values } = parseArgs({ options: { 'admin-email': { type: 'string' }, name: { type: 'string' }, locale: { type: 'string', default: 'zh-CN' } } });
const email = values['admin-email'];
if (!email) fail(new Error('Give --admin-email with the first administrator\u2019s address.'));

try {
	const password = await readPassword();
	const db = await openConfiguredDatabase();
	try {
		const id = await createFirstAdmin(db, { email: email!, displayName: values.name ?? email!, password, locale: values.locale === 'en' ? 'en' : 'zh-CN' });
		console.log(`Created the first administrator ${email} (user ${id}). Start the portal and sign in.`);
	} finally {
		await db.close();
	}
} catch (e) {
	fail(e instanceof EditValidationError ? new Error(e.message) : e);
}
