import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { pageData } from '$lib/server/http';
import { listProposals } from '$lib/server/pipeline/proposals';

/** The proposals staff made for delegations, with their links' state and views. */
export const load = (({ locals }) => pageData(async () => ({ proposals: await listProposals(await getDatabase(), locals.user) }))) satisfies PageServerLoad;
