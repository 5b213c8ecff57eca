import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { economyOf, zoneTrend } from '$lib/server/economy';
import { economyFilters } from '$lib/server/land/http';
import { pageLoad } from '$lib/server/land/page';
import { renderSvg } from '$lib/charts/echarts';
import { occupancyOption } from '$lib/charts/options';
import { translate } from '$lib/i18n';

/** The building economy's A4 landscape print: figures, the zone's trend rendered to SVG here, the list as filtered and sorted. */
export const load = (({ locals, url }) =>
	pageLoad(async () => {
		const db = await getDatabase();
		const filters = economyFilters(url);
		const l = locals.locale;
		const economy = await economyOf(db, locals.user, { ...filters, page: 1 }, l, Infinity);
		const trend = await zoneTrend(db, locals.user);
		const chart = await renderSvg(
			occupancyOption(
				trend,
				{
					leased: translate(l, 'economy.leased'),
					reserved: translate(l, 'economy.reserved'),
					vacant: translate(l, 'economy.vacant'),
					occupancy: translate(l, 'economy.occupancy'),
					unitM2: translate(l, 'unit.m2')
				},
				false
			),
			1000,
			280
		);
		return { economy: { ...economy, rows: economy.rows.slice(0, 60) }, chart, printedAt: new Date().toISOString() };
	})) satisfies PageServerLoad;
