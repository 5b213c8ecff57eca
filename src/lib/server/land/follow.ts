/** A plot's idle and low-efficiency flags follow its land cases (kept apart so that editing can use it without the cases module). */
import { sql } from 'drizzle-orm';
import type { TxHandle } from '../db/client';

type Rows = Pick<TxHandle, 'rows'>;

/**
 * The plot's flags as its cases now say: idle while an idle case is confirmed or being
 * disposed of, low efficiency likewise; the disposal method and deadline of the case being
 * disposed of. The plot's version moves, so a form opened before does not write old flags back.
 */
export async function followPlot(tx: Rows, plotId: number, opts: { bump?: boolean } = {}) {
	const bump = opts.bump ?? true;
	await tx.rows(sql`
		update plots p set
			is_idle = exists (select 1 from land_cases c where c.plot_id = p.id and c.kind = 'idle' and c.stage in ('confirmed', 'disposing')),
			is_low_efficiency = exists (select 1 from land_cases c where c.plot_id = p.id and c.kind = 'low_efficiency' and c.stage in ('confirmed', 'disposing')),
			disposal_method = d.method, disposal_deadline = d.deadline,
			version = p.version + ${bump ? 1 : 0}, updated_at = now()
		from (select (select method from land_cases c where c.plot_id = ${plotId} and c.stage = 'disposing' order by c.kind limit 1) as method,
			(select deadline from land_cases c where c.plot_id = ${plotId} and c.stage = 'disposing' order by c.kind limit 1) as deadline) d
		where p.id = ${plotId}`);
}
