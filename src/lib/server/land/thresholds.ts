/**
 * Low-efficiency thresholds (亩均税收, 亩均产值, 万元/亩/年), set by administrators for the zone and,
 * where a park differs, for the park. Saving them runs the test over the zone in the same
 * transaction: the board shows what the new thresholds catch at once.
 */
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireAdmin } from '../auth/permissions';
import { recordAudit } from '../audit';
import { EditValidationError } from '../editing/errors';
import { num } from '../db/values';
import type { ThresholdsInput } from '../../domain/ledger-schemas';
import type { EfficiencyThresholds } from '../../domain/idle-land';
import { detectCases, zoneThresholds } from './detect';

export interface Thresholds {
	zone: EfficiencyThresholds;
	parks: ({ park: string; nameZh: string; nameEn: string } & EfficiencyThresholds)[];
}

export async function readThresholds(db: Pick<TxHandle, 'rows'>): Promise<Thresholds> {
	const parks = await db.rows<Record<string, unknown>>(sql`select code, name_zh, name_en, min_tax_per_mu_wan, min_output_per_mu_wan from parks order by code`);
	return {
		zone: await zoneThresholds(db),
		parks: parks.map((p) => ({
			park: String(p.code),
			nameZh: String(p.name_zh),
			nameEn: String(p.name_en),
			taxPerMuWan: num(p.min_tax_per_mu_wan),
			outputPerMuWan: num(p.min_output_per_mu_wan)
		}))
	};
}

export async function saveThresholds(
	db: Database,
	user: SessionUser | null,
	input: ThresholdsInput
): Promise<Thresholds & { opened: number; withdrawn: number }> {
	const u = requireAdmin(user, 'Only administrators set the low-efficiency thresholds.');
	return db.transaction(async (tx) => {
		const before = await readThresholds(tx);
		const known = new Set(before.parks.map((p) => p.park));
		const unknown = input.parks.filter((p) => !known.has(p.park)).map((p) => p.park);
		if (unknown.length) throw new EditValidationError(`No park ${unknown.join(', ')}.`, { parks: 'admin.unknown_park' });
		await tx.rows(sql`update site_settings set min_tax_per_mu_wan = ${input.zone.taxPerMuWan}, min_output_per_mu_wan = ${input.zone.outputPerMuWan},
			version = version + 1, updated_at = now() where id = 1`);
		for (const p of input.parks) {
			await tx.rows(sql`update parks set min_tax_per_mu_wan = ${p.taxPerMuWan}, min_output_per_mu_wan = ${p.outputPerMuWan} where code = ${p.park}`);
		}
		const after = await readThresholds(tx);
		const image = (t: Thresholds) => ({ zone: t.zone, parks: t.parks.map(({ park, taxPerMuWan, outputPerMuWan }) => ({ park, taxPerMuWan, outputPerMuWan })) });
		await recordAudit(tx, u, 'update', 'thresholds', 'zone', image(before), image(after));
		const found = await detectCases(tx, new Date());
		return { ...after, opened: found.opened, withdrawn: found.withdrawn };
	});
}
