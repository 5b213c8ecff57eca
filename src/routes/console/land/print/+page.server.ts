import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { boardOf } from '$lib/server/land/board';
import { boardFilters } from '$lib/server/land/http';
import { pageLoad } from '$lib/server/land/page';
import { renderSvg } from '$lib/charts/echarts';
import { disposalOption, monthNames } from '$lib/charts/options';
import { translate } from '$lib/i18n';

/** The board's A4 landscape print: figures, the chart rendered to SVG here (no canvas in print), the cases that are due. */
export const load = (({ locals, url }) =>
	pageLoad(async () => {
		const filters = boardFilters(url);
		const board = await boardOf(await getDatabase(), locals.user, { ...filters, page: 1 }, new Date(), Infinity);
		const l = locals.locale;
		const chart = await renderSvg(
			disposalOption(
				board.months,
				{ disposed: translate(l, 'land.chart_disposed'), planned: translate(l, 'land.chart_planned'), unitMu: translate(l, 'unit.mu'), months: monthNames(l) },
				false
			),
			1000,
			300
		);
		const due = board.cases.filter((c) => c.overdue || c.dueSoon).slice(0, 40);
		return { board: { ...board, cases: due }, chart, printedAt: new Date().toISOString() };
	})) satisfies PageServerLoad;
