import { z } from 'zod';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { idParam } from '$lib/domain/input';
import { proposalSchema } from '$lib/domain/pipeline-schemas';
import { newAccessCode, readProposal, revokeProposal, updateProposal } from '$lib/server/pipeline/proposals';
import { requireStaff } from '$lib/server/auth/permissions';
import { parseBody, writeResponse } from '$lib/server/http';

const version = z.number({ message: 'form.invalid' }).int().positive();
const actionSchema = z.discriminatedUnion('action', [z.object({ action: z.literal('revoke'), version }), z.object({ action: z.literal('code'), version })]);

export const GET: RequestHandler = ({ params, locals }) =>
	writeResponse(async () => readProposal(await getDatabase(), locals.user, idParam.parse(params.id)), locals.user);

/** PUT /api/console/proposals/<id>: its content ({version, …}); 409 when stale. */
export const PUT: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		const body = await parseBody(request, proposalSchema.extend({ version }));
		const { version: v, ...input } = body;
		return updateProposal(await getDatabase(), locals.user, idParam.parse(params.id), v, input);
	}, locals.user);

/** POST /api/console/proposals/<id>: {action: revoke} ends the link; {action: code} gives a new access code (shown once). */
export const POST: RequestHandler = ({ request, params, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		const a = await parseBody(request, actionSchema);
		const db = await getDatabase();
		const id = idParam.parse(params.id);
		return a.action === 'revoke' ? { proposal: await revokeProposal(db, locals.user, id, a.version) } : newAccessCode(db, locals.user, id, a.version);
	}, locals.user);
