import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { taxonomyTree } from '$lib/server/taxonomy';
import { writeResponse } from '$lib/server/http';

/** GET /api/console/taxonomy: industries, chains and links with how often each is used (administrators). */
export const GET: RequestHandler = ({ locals }) => writeResponse(async () => taxonomyTree(await getDatabase(), locals.user), locals.user);
