import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { proposalSchema } from '$lib/domain/pipeline-schemas';
import { createProposal, listProposals } from '$lib/server/pipeline/proposals';
import { requireStaff } from '$lib/server/auth/permissions';
import { parseBody, writeResponse } from '$lib/server/http';

/** GET /api/console/proposals: every proposal (staff). */
export const GET: RequestHandler = ({ locals }) => writeResponse(async () => listProposals(await getDatabase(), locals.user), locals.user);

/** POST /api/console/proposals: a new proposal; the answer holds its access code, shown this once. */
export const POST: RequestHandler = ({ request, locals }) =>
	writeResponse(async () => {
		requireStaff(locals.user);
		return createProposal(await getDatabase(), locals.user, await parseBody(request, proposalSchema));
	}, locals.user);
