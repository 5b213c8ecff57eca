/**
 * Per-layer data versions. Every write that changes what a layer shows calls
 * bumpLayerVersions inside its own transaction, so the new version, the tile ETags
 * and the tile cache keys change together with the data.
 */
import { sql } from 'drizzle-orm';
import type { TxHandle } from '../db/client';
import type { LayerName } from '../../domain/vocab';

export async function bumpLayerVersions(tx: TxHandle, layers: readonly LayerName[]): Promise<void> {
	if (layers.length === 0) return;
	await tx.rows(sql`
		update layer_versions set version = version + 1, updated_at = now()
		where layer in (${sql.join(
			layers.map((l) => sql`${l}`),
			sql`, `
		)})`);
}

export async function layerVersions(tx: Pick<TxHandle, 'rows'>): Promise<Record<string, number>> {
	const rows = await tx.rows<{ layer: string; version: string | number }>(sql`select layer, version from layer_versions`);
	return Object.fromEntries(rows.map((r) => [r.layer, Number(r.version)]));
}
