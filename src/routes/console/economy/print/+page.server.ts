import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { parseQuery, pageData } from '$lib/server/http';
import { economyFilterSchema } from '$lib/domain/ledger-schemas';
import { economyOf, zoneTrend } from '$lib/server/economy';
import { renderSvg } from '$lib/charts/echarts';
import { occupancyLabels, occupancyOption } from '$lib/charts/options';

/** The building economy's A4 landscape print: figures, the zone's trend rendered to SVG here, the list as filtered and sorted. */
export const load = (({ locals, url }) =>
	pageData(async () => {
		const db = await getDatabase();
		const filters = parseQuery(url, economyFilterSchema);
		const l = locals.locale;
		const economy = await economyOf(db, locals.user, { ...filters, page: 1 }, l, Infinity);
		const trend = await zoneTrend(db, locals.user);
		const chart = await renderSvg(occupancyOption(trend, occupancyLabels(l), false), 1000, 280);
		return { economy: { ...economy, rows: economy.rows.slice(0, 60) }, chart, printedAt: new Date().toISOString() };
	})) satisfies PageServerLoad;
