/**
 * Targets (admin): per park and year — idle and low-efficiency land to dispose of (亩),
 * projects to sign, funds to bring in (亿元), foreign capital actually used (USD), buildings
 * whose tenants pay over ¥100 million / ¥50 million a year. The zone's target is the sum of
 * its parks' (shown, never stored, so it cannot disagree with them).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { SessionUser } from '../auth';
import { requireAdmin } from '../auth/permissions';
import { recordAudit } from '../audit';
import { bumpLayerVersions } from '../tiles/versions';
import { EditValidationError } from '../editing/errors';
import { TARGET_FIELDS, type TargetInput } from '../../domain/admin-schemas';
import { num } from '../db/values';

export type TargetValues = Record<(typeof TARGET_FIELDS)[number], number | null>;

export interface ParkTargets {
	parkCode: string;
	nameZh: string;
	nameEn: string;
	values: TargetValues;
}

export interface TargetsOfYear {
	year: number;
	parks: ParkTargets[];
	/** Per field, the sum of the parks that set it (null when none did). */
	zone: TargetValues;
	/** Years that have any target, for the year picker. */
	years: number[];
}

const COLUMNS: Record<(typeof TARGET_FIELDS)[number], string> = {
	targetMu: 'target_mu',
	projectsToSign: 'projects_to_sign',
	fundsYi: 'funds_yi',
	foreignCapitalUsd: 'foreign_capital_usd',
	buildingsOver100m: 'buildings_over_100m',
	buildingsOver50m: 'buildings_over_50m'
};

/** Every park's targets for a year, and the zone's sum. */
export async function targetsOf(db: Pick<Database, 'rows'>, user: SessionUser | null, year: number): Promise<TargetsOfYear> {
	requireAdmin(user);
	const rows = await db.rows<Record<string, unknown>>(sql`
		select p.code, p.name_zh, p.name_en, d.target_mu, d.projects_to_sign, d.funds_yi, d.foreign_capital_usd, d.buildings_over_100m, d.buildings_over_50m
		from parks p left join disposal_targets d on d.park_id = p.id and d.year = ${year}
		order by p.code`);
	const parks = rows.map((r) => ({
		parkCode: String(r.code),
		nameZh: String(r.name_zh),
		nameEn: String(r.name_en),
		values: Object.fromEntries(TARGET_FIELDS.map((f) => [f, num(r[COLUMNS[f]])])) as TargetValues
	}));
	const zone = Object.fromEntries(
		TARGET_FIELDS.map((f) => {
			const set = parks.map((p) => p.values[f]).filter((v): v is number => v !== null);
			return [f, set.length ? Math.round(set.reduce((a, b) => a + b, 0) * 1e6) / 1e6 : null];
		})
	) as TargetValues;
	const years = await db.rows<{ year: number }>(sql`select distinct year from disposal_targets order by year desc`);
	return { year, parks, zone, years: years.map((y) => Number(y.year)) };
}

/** Sets one park's targets for a year (a target left empty is unset); audited. */
export async function saveTargets(db: Database, user: SessionUser | null, parkCode: string, input: TargetInput): Promise<TargetValues> {
	const u = requireAdmin(user);
	return db.transaction(async (tx) => {
		const [park] = await tx.rows<{ id: number }>(sql`select id from parks where code = ${parkCode}`);
		if (!park) throw new EditValidationError(`No park "${parkCode}".`, { park: 'admin.unknown_park' });
		const [b] = await tx.rows<Record<string, unknown>>(sql`select * from disposal_targets where park_id = ${park.id} and year = ${input.year} for update`);
		const before = b ? (Object.fromEntries(TARGET_FIELDS.map((f) => [f, num(b[COLUMNS[f]])])) as TargetValues) : null;
		await tx.rows(sql`
			insert into disposal_targets (park_id, year, target_mu, projects_to_sign, funds_yi, foreign_capital_usd, buildings_over_100m, buildings_over_50m)
			values (${park.id}, ${input.year}, ${input.targetMu}, ${input.projectsToSign}, ${input.fundsYi}, ${input.foreignCapitalUsd},
				${input.buildingsOver100m}, ${input.buildingsOver50m})
			on conflict (park_id, year) do update set target_mu = excluded.target_mu, projects_to_sign = excluded.projects_to_sign,
				funds_yi = excluded.funds_yi, foreign_capital_usd = excluded.foreign_capital_usd,
				buildings_over_100m = excluded.buildings_over_100m, buildings_over_50m = excluded.buildings_over_50m,
				version = disposal_targets.version + 1, updated_at = now()`);
		const after = Object.fromEntries(TARGET_FIELDS.map((f) => [f, input[f]])) as TargetValues;
		await recordAudit(tx, u, b ? 'update' : 'create', 'target', `${parkCode}/${input.year}`, before, after);
		// Park pages show the disposal target.
		await bumpLayerVersions(tx, ['parks']);
		return after;
	});
}
