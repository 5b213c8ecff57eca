import type { RequestHandler } from './$types';
import { getDatabase } from '$lib/server/db';
import { boardFilterSchema } from '$lib/domain/ledger-schemas';
import { boardOf } from '$lib/server/land/board';
import { boardWorkbook } from '$lib/server/land/export';
import { guardedResponse, parseQuery } from '$lib/server/http';

/** GET /api/console/land/export?…: the board's cases (the same filters, every page) as an Excel workbook for the dispatch meeting. */
export const GET: RequestHandler = ({ url, locals }) =>
	guardedResponse(async () => {
		const board = await boardOf(await getDatabase(), locals.user, parseQuery(url, boardFilterSchema), new Date(), Infinity);
		const body = await boardWorkbook(board, locals.locale);
		return new Response(new Uint8Array(body), {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'content-disposition': `attachment; filename="land-disposal-${board.year}-${board.today}.xlsx"`,
				'cache-control': 'no-store'
			}
		});
	}, locals.user);
