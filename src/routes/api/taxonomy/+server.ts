import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { taxonomyLists } from '$lib/server/search/taxonomy';

export const GET: RequestHandler = async () => json(await taxonomyLists(await getDatabase()));
