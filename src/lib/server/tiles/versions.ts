/**
 * Per-layer data versions. Every write that changes what a layer shows calls
 * bumpLayerVersions inside its own transaction, so the new version, the tile ETags
 * and the tile cache keys change together with the data.
 */
import { sql } from 'drizzle-orm';
import type { Database, TxHandle } from '../db/client';
import type { LayerName } from '../../domain/vocab';

/** Moves with every bump in this process. */
let epoch = 0;

export async function bumpLayerVersions(tx: TxHandle, layers: readonly LayerName[]): Promise<void> {
	if (layers.length === 0) return;
	await tx.rows(sql`
		update layer_versions set version = version + 1, updated_at = now()
		where layer in (${sql.join(
			layers.map((l) => sql`${l}`),
			sql`, `
		)})`);
	epoch++;
}

export async function layerVersions(tx: Pick<TxHandle, 'rows'>): Promise<Record<string, number>> {
	const rows = await tx.rows<{ layer: string; version: string | number }>(sql`select layer, version from layer_versions`);
	return Object.fromEntries(rows.map((r) => [r.layer, Number(r.version)]));
}

export interface Versions {
	layers: Record<string, number>;
	/** The database's date (freshness rules count days). */
	day: string;
}

/** Per database (tests open several in one process). */
const remembered = new WeakMap<object, { epoch: number; at: number; versions: Promise<Versions> }>();
/** Even without a write, read the versions again after this long (so the day rolls over). */
const REMEMBER_MS = 30_000;

/**
 * The layers' data versions as a request sees them. On a server they are read every time
 * (another instance may have written). On the embedded database only this process writes and
 * every write bumps through here, inside a transaction that holds PGlite's only connection —
 * so they are remembered until the next bump: a read can never see versions older than a
 * committed write. Saves a query on every tile and cached answer.
 */
export function currentVersions(db: Pick<Database, 'rows' | 'mode'>): Promise<Versions> {
	const read = async (): Promise<Versions> => {
		const rows = await db.rows<{ layer: string; version: string | number; day: string }>(
			sql`select layer, version, current_date::text as day from layer_versions`
		);
		return { layers: Object.fromEntries(rows.map((r) => [r.layer, Number(r.version)])), day: String(rows[0]?.day ?? '') };
	};
	if (db.mode !== 'embedded') return read();
	const now = Date.now();
	const hit = remembered.get(db);
	if (hit && hit.epoch === epoch && now - hit.at <= REMEMBER_MS) return hit.versions;
	const versions = read();
	remembered.set(db, { epoch, at: now, versions });
	versions.catch(() => remembered.delete(db));
	return versions;
}
