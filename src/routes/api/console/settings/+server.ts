import type { RequestHandler } from './$types';
import { z } from 'zod';
import { getDatabase } from '$lib/server/db';
import { loadSettings, saveSettings } from '$lib/server/settings';
import { requireAdmin } from '$lib/server/auth/permissions';
import { parseBody, writeResponse } from '$lib/server/http';

/** GET /api/console/settings: the site settings with their version (administrators). */
export const GET: RequestHandler = ({ locals }) =>
	writeResponse(async () => {
		requireAdmin(locals.user);
		const s = await loadSettings(await getDatabase());
		return { settings: s.settings, version: s.version, sampleData: s.sampleData };
	}, locals.user);

const body = z.object({ version: z.number().int().min(0), settings: z.record(z.string(), z.unknown()) });

/** PUT /api/console/settings: saves them all; 409 when `version` is stale. */
export const PUT: RequestHandler = ({ request, locals }) =>
	writeResponse(async () => {
		requireAdmin(locals.user);
		const { version, settings } = await parseBody(request, body);
		const s = await saveSettings(await getDatabase(), locals.user, version, settings);
		return { settings: s.settings, version: s.version, sampleData: s.sampleData };
	}, locals.user);
