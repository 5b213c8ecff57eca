/**
 * A plot's supervision facts (供后监管) — what the legal test reads. Kept by the editors of its
 * park; each save is one audited plot update that bumps the plot's version and runs the test
 * for the plot in the same transaction, so the board shows the new suspicion (or withdraws it)
 * at once.
 */
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireParkEditor, requireUser } from '../auth/permissions';
import { recordAudit } from '../audit';
import { bumpLayerVersions } from '../tiles/versions';
import { ConflictError, NotFoundError } from '../editing/errors';
import { dateOnly, num } from '../db/values';
import { LAND_FACT_FIELDS, type LandFactsInput } from '../../domain/ledger-schemas';
import { detectCases } from './detect';
import type { SupplyStatus } from '../../domain/vocab';

export type LandFacts = Omit<LandFactsInput, 'version'> & { code: string; version: number; parkId: number; supplyStatus: SupplyStatus; areaM2: number };

async function factsRow(db: Pick<TxHandle, 'rows'>, code: string, lock = false): Promise<(LandFacts & { id: number }) | null> {
	const [r] = await db.rows<Record<string, unknown>>(sql`
		select id, code, park_id, version, supply_status, area_m2, contract_date, agreed_start_date, started_on, built_ratio, invested_ratio,
			stopped_since, land_price_wan, tax_per_mu_wan, output_per_mu_wan
		from plots where code = ${code} ${lock ? sql`for update` : sql``}`);
	if (!r) return null;
	return {
		id: Number(r.id),
		code: String(r.code),
		parkId: Number(r.park_id),
		version: Number(r.version),
		supplyStatus: r.supply_status as SupplyStatus,
		areaM2: Number(r.area_m2),
		contractDate: dateOnly(r.contract_date),
		agreedStartDate: dateOnly(r.agreed_start_date),
		startedOn: dateOnly(r.started_on),
		builtRatio: num(r.built_ratio),
		investedRatio: num(r.invested_ratio),
		stoppedSince: dateOnly(r.stopped_since),
		landPriceWan: num(r.land_price_wan),
		taxPerMuWan: num(r.tax_per_mu_wan),
		outputPerMuWan: num(r.output_per_mu_wan)
	};
}

export async function readLandFacts(db: Pick<TxHandle, 'rows'>, user: SessionUser | null, code: string): Promise<LandFacts> {
	const u = requireUser(user);
	const f = await factsRow(db, code);
	if (!f) throw new NotFoundError(`No plot "${code}".`);
	requireParkEditor(u, f.parkId);
	const { id: _id, ...rest } = f;
	return rest;
}

export async function saveLandFacts(db: Database, user: SessionUser | null, code: string, input: LandFactsInput): Promise<LandFacts> {
	const u = requireUser(user);
	return db.transaction(async (tx) => {
		const before = await factsRow(tx, code, true);
		if (!before) throw new NotFoundError(`No plot "${code}".`);
		requireParkEditor(u, before.parkId);
		if (before.version !== input.version) throw new ConflictError(before);
		await tx.rows(sql`
			update plots set contract_date = ${input.contractDate}::date, agreed_start_date = ${input.agreedStartDate}::date,
				started_on = ${input.startedOn}::date, built_ratio = ${input.builtRatio}, invested_ratio = ${input.investedRatio},
				stopped_since = ${input.stoppedSince}::date, land_price_wan = ${input.landPriceWan},
				tax_per_mu_wan = ${input.taxPerMuWan}, output_per_mu_wan = ${input.outputPerMuWan},
				version = version + 1, updated_at = now()
			where id = ${before.id}`);
		const after = (await factsRow(tx, code))!;
		const image = (f: LandFacts) => Object.fromEntries([...LAND_FACT_FIELDS.map((k) => [k, f[k]]), ['version', f.version]]);
		await recordAudit(tx, u, 'update', 'plot', code, image(before), image(after));
		await detectCases(tx, new Date(), [before.id]);
		await bumpLayerVersions(tx, ['plots']);
		const { id: _id, ...rest } = after;
		return rest;
	});
}
