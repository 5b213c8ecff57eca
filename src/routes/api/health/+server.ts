import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getHealth } from '$lib/server/health';

export const GET: RequestHandler = async () => {
	const health = await getHealth();
	return json(health, { status: health.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
