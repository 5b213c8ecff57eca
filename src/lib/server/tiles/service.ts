/**
 * Serves vector tiles: validates the address, looks up the layer's data version,
 * answers from the cache or builds the tile with the right encoder.
 *
 * Cache keys and ETags carry the layer's data version, which every write bumps in
 * its own transaction — so an edit is visible on the next request and no cached
 * tile is ever stale.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { LAYERS, isOneOf, type LayerName } from '../../domain/vocab';
import { encodeTile, type TileRow } from './encode';
import { MAX_TILE_ZOOM, PLOT_CELLS_LAYER, PLOT_CELLS_MIN_ZOOM, PLOT_DETAIL_MIN_ZOOM, TILE_LAYERS, type TileLayer } from './layers';
import { createHash } from 'node:crypto';
import { finderParams, type FinderQuery } from '../../domain/finder';
import { matchesLayer } from './matches';
import { mvtQuery, plotCellsQuery, plotsOverCapSql, rowsQuery } from './sql';
import { TileCache } from './cache';
import { currentVersions } from './versions';
import { gcjTileShift } from './datum';
import type { Datum } from '../../domain/basemap';

export type TileEncoder = 'postgis' | 'js';

export class TileRequestError extends Error {
	constructor(
		readonly status: 400 | 404,
		message: string,
		readonly code: 'unknown_layer' | 'bad_tile'
	) {
		super(message);
	}
}

/** All layers in one tile: what the map uses, one request and one parse per tile instead of five. */
export const COMPOSITE = 'all';

export interface TileAddress {
	layer: LayerName | typeof COMPOSITE;
	z: number;
	x: number;
	y: number;
	/** The datum the tile is drawn in: WGS 84 (default) or GCJ-02 for a GCJ-02 basemap. */
	datum?: Datum;
}

const INT = /^\d{1,8}$/;

/** Parses and checks a tile address from URL parts; throws TileRequestError with what is wrong. */
export function parseTileAddress(layer: string, z: string, x: string, y: string, datum: string | null = null): TileAddress {
	if (layer !== COMPOSITE && !isOneOf(LAYERS, layer)) {
		throw new TileRequestError(404, `Unknown layer "${layer}". Layers are: ${LAYERS.join(', ')} (or "${COMPOSITE}" for all of them).`, 'unknown_layer');
	}
	return { layer: layer as TileAddress['layer'], ...parseTilePlace(z, x, y, datum) };
}

/** Parses and checks z/x/y and the datum of a tile address. */
export function parseTilePlace(z: string, x: string, y: string, datum: string | null = null): Omit<TileAddress, 'layer'> {
	if (datum !== null && datum !== 'wgs84' && datum !== 'gcj02') {
		throw new TileRequestError(400, `Unknown datum "${datum}": use wgs84 (the default) or gcj02.`, 'bad_tile');
	}
	if (!INT.test(z) || !INT.test(x) || !INT.test(y)) {
		throw new TileRequestError(400, `Tile address ${z}/${x}/${y} is not three whole numbers z/x/y.`, 'bad_tile');
	}
	const zi = Number(z);
	const xi = Number(x);
	const yi = Number(y);
	if (zi > MAX_TILE_ZOOM) {
		throw new TileRequestError(400, `Zoom ${zi} is out of range: use 0–${MAX_TILE_ZOOM}.`, 'bad_tile');
	}
	const n = 2 ** zi;
	if (xi >= n || yi >= n) {
		throw new TileRequestError(400, `Tile ${zi}/${xi}/${yi} does not exist: at zoom ${zi}, x and y run 0–${n - 1}.`, 'bad_tile');
	}
	return { z: zi, x: xi, y: yi, ...(datum === 'gcj02' ? { datum: 'gcj02' as const } : {}) };
}

export interface Tile {
	body: Uint8Array;
	etag: string;
	version: number;
}

export function defaultEncoder(database: Database): TileEncoder {
	if (database.mode === 'embedded') return 'js';
	return process.env.SITEATLAS_TILE_ENCODER === 'js' ? 'js' : 'postgis';
}

export class TileService {
	private readonly cache: TileCache;
	/** Tiles being built now, by cache key (single flight). */
	private readonly building = new Map<string, Promise<Uint8Array>>();
	constructor(
		private readonly database: Database,
		options: { cacheBytes?: number } = {}
	) {
		this.cache = new TileCache(options.cacheBytes ?? 64 * 1024 * 1024);
	}

	/** A layer's data version; for the composite tile, the sum of all layers' versions (it grows with any write). */
	async version(layer: TileAddress['layer']): Promise<number> {
		const { layers } = await currentVersions(this.database);
		return layer === COMPOSITE ? Object.values(layers).reduce((a, b) => a + b, 0) : (layers[layer] ?? 0);
	}

	/** The current ETag of a tile, without building it (for If-None-Match). */
	async etag(a: TileAddress): Promise<string> {
		return etagFor(a, await this.version(a.layer));
	}

	private async composite(a: TileAddress, encoder: TileEncoder): Promise<Uint8Array> {
		const parts: Uint8Array[] = [];
		for (const layer of LAYERS) parts.push((await this.get({ ...a, layer }, encoder)).body);
		return concat(parts);
	}

	/**
	 * Answers a tile request: 304 with no body when If-None-Match holds the current
	 * ETag, else the tile. The version lookup is one indexed row, so a revalidation
	 * costs far less than building the tile.
	 */
	async respond(a: TileAddress, ifNoneMatch: string | null): Promise<{ status: 200 | 304; etag: string; version: number; body: Uint8Array | null }> {
		if (ifNoneMatch) {
			const version = await this.version(a.layer);
			const etag = etagFor(a, version);
			if (ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`)) {
				return { status: 304, etag, version, body: null };
			}
		}
		const tile = await this.get(a);
		return { status: 200, etag: tile.etag, version: tile.version, body: tile.body };
	}

	async get(a: TileAddress, encoder: TileEncoder = defaultEncoder(this.database)): Promise<Tile> {
		const version = await this.version(a.layer);
		const etag = etagFor(a, version);
		const body = await this.once(`${encoder}|${etag}`, () =>
			a.layer === COMPOSITE ? this.composite(a, encoder) : buildTile(this.database, a as TileAddress & { layer: LayerName }, encoder)
		);
		return { body, etag, version };
	}

	/** The ETag of a search's matches tile: the data version (any layer) and the search itself. */
	async matchesEtag(q: FinderQuery, a: Omit<TileAddress, 'layer'>): Promise<string> {
		const search = createHash('sha1')
			.update(finderParams({ ...q, page: 1 }).toString())
			.digest('hex')
			.slice(0, 16);
		return etagFor({ ...a, layer: `matches-${search}` }, await this.version(COMPOSITE));
	}

	/** A search's matches at a tile address (layer `matches`, empty below its minimum zoom). Validates the search. */
	async matches(q: FinderQuery, a: Omit<TileAddress, 'layer'>, encoder: TileEncoder = defaultEncoder(this.database)): Promise<Tile> {
		const etag = await this.matchesEtag(q, a);
		const version = await this.version(COMPOSITE);
		// The search is checked at every zoom (a bad one is refused, not answered empty); below its zoom the layer is empty.
		const layer = await matchesLayer(this.database, q, a);
		const body = await this.once(`${encoder}|${etag}`, () => buildLayerTile(this.database, layer, a, encoder));
		return { body, etag, version };
	}

	/** From the cache, or built once however many requests ask for it at the same time (single flight). */
	private async once(key: string, build: () => Promise<Uint8Array>): Promise<Uint8Array> {
		const cached = this.cache.get(key);
		if (cached) return cached;
		let building = this.building.get(key);
		if (!building) {
			building = build().then((body) => {
				this.cache.set(key, body);
				return body;
			});
			this.building.set(key, building);
			const done = () => this.building.delete(key);
			building.then(done, done);
		}
		return building;
	}
}

/**
 * Concatenated MVT messages are one valid MVT (a tile is a repeated field of layers), so the
 * composite tile is the layers' own cached tiles end to end.
 */
function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.byteLength;
	}
	return out;
}

/**
 * Cache-Control of a tile. Its address may carry the data version it was asked at (`v`, as the
 * map asks): when that is the current version the tile can never change at that address, so any
 * cache (nginx's proxy_cache, the browser) may keep it for good. Otherwise caches must
 * revalidate against the ETag, which changes with the version.
 */
export function tileCacheControl(url: URL, version: number): string {
	return url.searchParams.get('v') === String(version) ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
}

/** A tile's ETag: what it shows (a layer, `all`, or a search's matches), its data version and address. */
export function etagFor(a: Omit<TileAddress, 'layer'> & { layer: string }, version: number): string {
	return `"${a.layer}-v${version}-${a.z}-${a.x}-${a.y}${a.datum === 'gcj02' ? '-gcj02' : ''}"`;
}

/** Builds one tile from the database, uncached. */
export async function buildTile(database: Pick<Database, 'rows'>, a: TileAddress & { layer: LayerName }, encoder: TileEncoder): Promise<Uint8Array> {
	if (a.layer === 'plots' && encoder === 'postgis' && a.z >= PLOT_DETAIL_MIN_ZOOM) {
		// One round trip: the database counts the tile's plots and builds the tile that count calls for.
		return bytea(
			await database.rows<{ tile: Uint8Array | null }>(sql`
				select case when ${plotsOverCapSql(a.z, a.x, a.y)}
					then (${plotCellsQuery(a.z, a.x, a.y, 'mvt')}) else (${mvtQuery(TILE_LAYERS.plots, a.z, a.x, a.y, datumShift(a))}) end as tile`)
		);
	}
	if (a.layer === 'plots' && (await plotsAggregated(database, a))) return buildPlotCells(database, a, encoder);
	return buildLayerTile(database, TILE_LAYERS[a.layer], a, encoder);
}

/** How far a tile asked in GCJ-02 moves its features (none in WGS-84). */
const datumShift = (a: Omit<TileAddress, 'layer'>) => (a.datum === 'gcj02' ? gcjTileShift(a.z, a.x, a.y) : undefined);

/** One layer's tile at an address (empty below the layer's minimum zoom). */
export async function buildLayerTile(
	database: Pick<Database, 'rows'>,
	layer: TileLayer,
	a: Omit<TileAddress, 'layer'>,
	encoder: TileEncoder
): Promise<Uint8Array> {
	if (a.z < layer.minZoom) return new Uint8Array(0);
	if (encoder === 'postgis') return bytea(await database.rows<{ tile: Uint8Array | null }>(mvtQuery(layer, a.z, a.x, a.y, datumShift(a))));
	return encodeRows(layer.name, await database.rows<RowOut>(rowsQuery(layer, a.z, a.x, a.y, datumShift(a))));
}

/**
 * Whether a plots tile shows the plots counted per cell: below PLOT_DETAIL_MIN_ZOOM always (from
 * PLOT_CELLS_MIN_ZOOM), and above it when the tile holds more than MAX_PLOTS_PER_TILE plots.
 */
export async function plotsAggregated(database: Pick<Database, 'rows'>, a: Pick<TileAddress, 'z' | 'x' | 'y'>): Promise<boolean> {
	if (a.z < PLOT_CELLS_MIN_ZOOM) return false;
	if (a.z < PLOT_DETAIL_MIN_ZOOM) return true;
	const [r] = await database.rows<{ over: boolean }>(sql`select ${plotsOverCapSql(a.z, a.x, a.y)} as over`);
	return Boolean(r?.over);
}

async function buildPlotCells(database: Pick<Database, 'rows'>, a: TileAddress, encoder: TileEncoder): Promise<Uint8Array> {
	if (encoder === 'postgis') return bytea(await database.rows<{ tile: Uint8Array | null }>(plotCellsQuery(a.z, a.x, a.y, 'mvt')));
	return encodeRows(PLOT_CELLS_LAYER, await database.rows<RowOut>(plotCellsQuery(a.z, a.x, a.y, 'rows')));
}

type RowOut = { id: number | string; props: TileRow['props'] | string; geojson: string };

function bytea(rows: { tile: Uint8Array | null }[]): Uint8Array {
	const tile = rows[0]?.tile;
	return tile ? new Uint8Array(tile.buffer, tile.byteOffset, tile.byteLength) : new Uint8Array(0);
}

function encodeRows(name: string, rows: RowOut[]): Uint8Array {
	return encodeTile(
		name,
		rows.map((r) => ({
			id: Number(r.id),
			props: typeof r.props === 'string' ? JSON.parse(r.props) : r.props,
			geometry: JSON.parse(r.geojson)
		}))
	);
}
