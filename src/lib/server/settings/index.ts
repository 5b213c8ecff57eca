/**
 * Site settings (admin): the one `site_settings` row, validated by the domain schema, cached
 * per database for a few seconds (every request reads them; another instance's change shows
 * within that time, this instance's at once). Defaults come from the environment, so a
 * deployment configured by variables keeps working until an administrator saves the form.
 */
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../db/client';
import type { SessionUser } from '../auth';
import { requireAdmin } from '../auth/permissions';
import { recordAudit } from '../audit';
import { bumpLayerVersions } from '../tiles/versions';
import { LAYERS } from '../../domain/vocab';
import { siteSettingsSchema, type PublicSettings, type SiteSettings, type SiteSettingsInput } from '../../domain/settings';
import { parseJson } from '../db/values';
import { ConflictError, EditValidationError } from '../editing/errors';

export interface StoredSettings {
	settings: SiteSettings;
	sampleData: boolean;
	version: number;
}

function intEnv(name: string): number | undefined {
	const v = Number(process.env[name]);
	return Number.isInteger(v) && v > 0 ? v : undefined;
}

/** The settings a database without any saved ones has: the environment's, else the schema's defaults. */
export function defaultSettings(env: NodeJS.ProcessEnv = process.env): SiteSettings {
	const styleUrl = env.SITEATLAS_BASEMAP_STYLE_URL ?? '';
	return siteSettingsSchema.parse({
		staleAfterDays: intEnv('SITEATLAS_STALE_DAYS') ?? 90,
		hideAfterDays: Math.max(intEnv('SITEATLAS_HIDE_DAYS') ?? 180, intEnv('SITEATLAS_STALE_DAYS') ?? 90),
		basemap: styleUrl ? { kind: 'style', styleUrl, datum: env.SITEATLAS_BASEMAP_DATUM === 'gcj02' ? 'gcj02' : 'wgs84' } : { kind: 'offline' }
	});
}

/** Saved settings over the defaults (a field the schema has gained since they were saved takes its default). */
function merge(saved: unknown): SiteSettings {
	const base = defaultSettings();
	const s = (saved && typeof saved === 'object' ? saved : {}) as Record<string, unknown>;
	const r = siteSettingsSchema.safeParse({
		...base,
		...s,
		basemap: { ...base.basemap, ...((s.basemap as object) ?? {}) },
		pipeline: { ...base.pipeline, ...((s.pipeline as object) ?? {}) }
	});
	return r.success ? r.data : base;
}

const TTL_MS = 5000;
const cache = new WeakMap<object, { at: number; value: Promise<StoredSettings> }>();
/** The last settings read by any database in this process, for code that cannot wait (freshness). */
let last: StoredSettings | null = null;

async function read(db: Pick<Database, 'rows'>): Promise<StoredSettings> {
	const [r] = await db.rows<{ settings: unknown; sample_data: boolean; version: number }>(
		sql`select settings, sample_data, version from site_settings where id = 1`
	);
	const value = { settings: merge(parseJson(r?.settings ?? {})), sampleData: Boolean(r?.sample_data), version: Number(r?.version ?? 0) };
	last = value;
	return value;
}

/** The zone's settings (cached for a few seconds). */
export function loadSettings(db: Pick<Database, 'rows'>): Promise<StoredSettings> {
	const hit = cache.get(db);
	if (hit && Date.now() - hit.at <= TTL_MS) return hit.value;
	const value = read(db);
	cache.set(db, { at: Date.now(), value });
	value.catch(() => cache.delete(db));
	return value;
}

/** The settings last read in this process (the defaults before any read). */
export function currentSettings(): SiteSettings {
	return last?.settings ?? defaultSettings();
}

export function publicSettings(s: StoredSettings): PublicSettings {
	const v = s.settings;
	return {
		portalNameZh: v.portalNameZh,
		portalNameEn: v.portalNameEn,
		contactName: v.contactName ?? null,
		contactPhone: v.contactPhone ?? null,
		contactEmail: v.contactEmail || null,
		showSampleBanner: s.sampleData && v.sampleBanner,
		basemap: v.basemap
	};
}

/** Field errors of a settings form, as i18n keys by field path (`basemap.styleUrl`). */
export function settingsProblems(input: unknown): { settings: SiteSettings } | { fields: Record<string, string> } {
	const r = siteSettingsSchema.safeParse(input);
	if (r.success) return { settings: r.data };
	const fields: Record<string, string> = {};
	for (const i of r.error.issues) fields[i.path.join('.') || 'form'] ??= i.message;
	return { fields };
}

/**
 * Saves the settings (admin only, checked before the input is looked at): version-checked
 * (409 on a stale form), audited with before and after, and every layer's data version bumped
 * so cached answers that depend on the freshness thresholds are built again.
 */
export async function saveSettings(db: Database, user: SessionUser | null, version: number, input: SiteSettingsInput): Promise<StoredSettings> {
	const u = requireAdmin(user);
	const checked = settingsProblems(input);
	if ('fields' in checked) throw new EditValidationError('Some settings are not valid.', checked.fields);
	const next = checked.settings;
	const saved = await db.transaction(async (tx: TxHandle) => {
		const [r] = await tx.rows<{ settings: unknown; sample_data: boolean; version: number }>(
			sql`select settings, sample_data, version from site_settings where id = 1 for update`
		);
		const before = merge(parseJson(r?.settings ?? {}));
		const current = Number(r?.version ?? 0);
		if (current !== version) throw new ConflictError({ version: current, settings: before });
		const [w] = await tx.rows<{ version: number }>(sql`
			insert into site_settings (id, settings, version) values (1, ${JSON.stringify(next)}::jsonb, 2)
			on conflict (id) do update set settings = excluded.settings, version = site_settings.version + 1, updated_at = now()
			returning version`);
		await recordAudit(tx, u, 'update', 'settings', 'site', before, next);
		await bumpLayerVersions(tx, LAYERS);
		return { settings: next, sampleData: Boolean(r?.sample_data), version: Number(w.version) };
	});
	cache.set(db, { at: Date.now(), value: Promise.resolve(saved) });
	last = saved;
	return saved;
}

/** Marks the database as holding the sample zone (the loader calls it in its transaction). */
export async function markSampleData(tx: Pick<TxHandle, 'rows'>): Promise<void> {
	await tx.rows(sql`insert into site_settings (id, sample_data) values (1, true) on conflict (id) do update set sample_data = true`);
}
