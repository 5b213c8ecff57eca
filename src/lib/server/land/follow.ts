/** A plot's idle and low-efficiency flags follow its land cases (kept apart so that editing can use it without the cases module). */
import { sql } from 'drizzle-orm';
import type { TxHandle } from '../db/client';
import { intList } from '../db/lists';

type Rows = Pick<TxHandle, 'rows'>;

/** The open case of a plot being disposed of (`plots p`), for its method and deadline. */
const disposing = (column: 'method' | 'deadline') =>
	sql`(select c.${sql.raw(column)} from land_cases c where c.plot_id = p.id and c.stage = 'disposing' order by c.kind limit 1)`;

/**
 * The plots' flags as their cases now say: idle while an idle case is confirmed or being
 * disposed of, low efficiency likewise; the disposal method and deadline of the case being
 * disposed of. `plotIds` null: every plot (the sample zone's load). The version moves unless
 * `bump` is false, so a form opened before does not write old flags back.
 */
export async function followCases(tx: Rows, plotIds: number[] | null, opts: { bump?: boolean } = {}) {
	const bump = opts.bump ?? true;
	await tx.rows(sql`
		update plots p set
			is_idle = exists (select 1 from land_cases c where c.plot_id = p.id and c.kind = 'idle' and c.stage in ('confirmed', 'disposing')),
			is_low_efficiency = exists (select 1 from land_cases c where c.plot_id = p.id and c.kind = 'low_efficiency' and c.stage in ('confirmed', 'disposing')),
			disposal_method = ${disposing('method')}, disposal_deadline = ${disposing('deadline')}
			${bump ? sql`, version = p.version + 1, updated_at = now()` : sql``}
		${plotIds ? sql`where p.id in ${intList(plotIds)}` : sql``}`);
}
