import type { PageServerLoad } from './$types';
import { getDatabase } from '$lib/server/db';
import { parseQuery, pageData } from '$lib/server/http';
import { boardFilterSchema } from '$lib/domain/ledger-schemas';
import { boardOf } from '$lib/server/land/board';
import { renderSvg } from '$lib/charts/echarts';
import { disposalLabels, disposalOption } from '$lib/charts/options';

/** The board's A4 landscape print: figures, the chart rendered to SVG here (no canvas in print), the cases that are due. */
export const load = (({ locals, url }) =>
	pageData(async () => {
		const filters = parseQuery(url, boardFilterSchema);
		const board = await boardOf(await getDatabase(), locals.user, { ...filters, page: 1 }, new Date(), Infinity);
		const l = locals.locale;
		const chart = await renderSvg(disposalOption(board.months, disposalLabels(l), false), 1000, 300);
		const due = board.cases.filter((c) => c.overdue || c.dueSoon).slice(0, 40);
		return { board: { ...board, cases: due }, chart, printedAt: new Date().toISOString() };
	})) satisfies PageServerLoad;
