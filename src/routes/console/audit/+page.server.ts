import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { auditFilterSchema, auditLog, auditUsers } from '$lib/server/audit-log';
import { isAdmin } from '$lib/server/auth/permissions';

/** The audit log page: administrators only; the filters are the query, so a link reproduces the view. */
export const load = (async ({ locals, url }) => {
	if (!isAdmin(locals.user)) error(403, { message: 'Only administrators read the audit log.' });
	const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ''));
	const parsed = auditFilterSchema.safeParse(raw);
	const filter = parsed.success ? parsed.data : auditFilterSchema.parse({});
	const db = await getDatabase();
	return { log: await auditLog(db, locals.user, filter), users: await auditUsers(db, locals.user), filter, invalid: !parsed.success };
}) satisfies PageServerLoad;
