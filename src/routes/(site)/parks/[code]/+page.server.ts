import type { Actions, PageServerLoad } from './$types';
import { sitePageData } from '$lib/server/sites/page-data';
import { enquireAction } from '$lib/server/enquiries/action';

export const load = (({ params, locals }) => sitePageData('park', params.code, locals)) satisfies PageServerLoad;

export const actions = { enquire: enquireAction('park') } satisfies Actions;
