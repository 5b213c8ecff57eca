/** Long-lived server services built on the databases. */
import { readDatabase } from './db';
import { TileService } from './tiles/service';

/** One tile service (and cache) per database: the primary, and the replica when there is one. */
const services = new WeakMap<object, TileService>();

/** The tile service on the database the request reads from (the replica for the public, see db/index.ts). */
export async function getTileService(locals: { user?: unknown } = {}): Promise<TileService> {
	const db = await readDatabase(locals);
	let service = services.get(db);
	if (!service) {
		service = new TileService(db);
		services.set(db, service);
	}
	return service;
}
