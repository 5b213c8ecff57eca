/** Long-lived server services built on the one database. */
import { getDatabase } from './db';
import { TileService } from './tiles/service';

let tiles: Promise<TileService> | null = null;

export function getTileService(): Promise<TileService> {
	tiles ??= getDatabase().then((db) => new TileService(db));
	return tiles;
}
