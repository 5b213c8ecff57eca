import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { pageData } from '$lib/server/http';
import { listTours } from '$lib/server/tours';
import { requireStaff } from '$lib/server/auth/permissions';
import { parseSiteRefs } from '$lib/domain/site-refs';
import { loadSettings } from '$lib/server/settings';

/** A new proposal: sites from the address (the compare list sends them), the tours to choose from, the zone's public contact as the default. */
export const load = (({ locals, url }) =>
	pageData(async () => {
		requireStaff(locals.user);
		const db = await getDatabase();
		const tours = (await listTours(db, locals.user)).map((t) => ({ id: t.id, title: t.title }));
		const sites = parseSiteRefs(url.searchParams.get('sites')).map((r) => {
			const [kind, code] = r.split(':') as ['plot' | 'building', string];
			return { kind, code };
		});
		const tour = Number(url.searchParams.get('tour'));
		const s = (await loadSettings(db)).settings;
		return {
			tours,
			sites,
			tourId: tours.some((x) => x.id === tour) ? tour : null,
			contact: { name: s.contactName ?? locals.user!.displayName, phone: s.contactPhone ?? '', email: s.contactEmail ?? '' }
		};
	})) satisfies PageServerLoad;
