/**
 * Buildings' months (楼宇月度台账). The transaction that changes a building's units or figures
 * writes the building's row for the month (`recordBuildingMonths`), and the background job
 * closes every month by giving each building a row for it (`closeMonth`), so a building that
 * nothing happened to still has its month. A month's row is the building as it stood when the
 * month was last written: at the month's end, as it closed.
 */
import { sql } from 'drizzle-orm';
import type { TxHandle } from '../db/client';
import { monthOf } from '../../domain/building-economy';
import { intList, textList } from '../db/lists';

type Rows = Pick<TxHandle, 'rows'>;

/** A building's tenants (of `buildings b`): its leased units, or the firms registered in it when it keeps no units. */
export const TENANTS = sql`coalesce(nullif((select count(*) from units u where u.building_id = b.id and u.status = 'leased'), 0),
	(select count(*) from enterprises e where e.building_id = b.id))::int`;

/** The building's figures now: occupancy by the one definition, tenants, tax. */
const CURRENT = (month: string) => sql`
	select b.id, ${month}::date, o.leasable_m2, o.leased_m2, o.reserved_m2, o.vacant_m2, ${TENANTS}, b.annual_tax_wan
	from buildings b cross join lateral building_occupancy(b.id, b.leasable_area_m2, b.leased_area_m2) o`;

const COLUMNS = sql`(building_id, month, leasable_m2, leased_m2, reserved_m2, vacant_m2, tenants, tax_wan)`;

/** Writes the month's row of each building (in the caller's transaction). */
export async function recordBuildingMonths(tx: Rows, buildingIds: number[], now = new Date()): Promise<void> {
	if (!buildingIds.length) return;
	await tx.rows(sql`
		insert into building_months ${COLUMNS}
		${CURRENT(monthOf(now))} where b.id in ${intList(buildingIds)}
		on conflict (building_id, month) do update set leasable_m2 = excluded.leasable_m2, leased_m2 = excluded.leased_m2,
			reserved_m2 = excluded.reserved_m2, vacant_m2 = excluded.vacant_m2, tenants = excluded.tenants, tax_wan = excluded.tax_wan,
			updated_at = now()`);
}

/** Gives every building in service a row for the month it is (rows already written stay, and are not worked out again). */
export async function closeMonth(db: Rows, now = new Date()): Promise<number> {
	const rows = await db.rows<{ n: number }>(sql`
		with added as (insert into building_months ${COLUMNS}
			${CURRENT(monthOf(now))} where b.retired_at is null
				and not exists (select 1 from building_months m where m.building_id = b.id and m.month = ${monthOf(now)}::date)
			on conflict (building_id, month) do nothing returning 1)
		select count(*)::int as n from added`);
	return Number(rows[0]?.n ?? 0);
}

/** The same for buildings by code (imports and their undo, which know codes). */
export async function recordBuildingMonthsOf(tx: Rows, codes: string[], now = new Date()): Promise<void> {
	if (!codes.length) return;
	const ids = await tx.rows<{ id: number }>(sql`select id from buildings where code in ${textList(codes)}`);
	await recordBuildingMonths(
		tx,
		ids.map((r) => Number(r.id)),
		now
	);
}
