/**
 * Who may import into a layer, in one place for the endpoint (checked before the upload is
 * read), the run itself, undo and the Import page: park editors import plots, buildings and
 * units into their own parks; parks, facilities and roads only administrators.
 */
import type { SessionUser } from '../auth';
import { requireAdmin, requireUser, isAdmin } from '../auth/permissions';
import { IMPORT_LAYERS, IMPORT_TARGETS, type ImportLayer } from '../../domain/import/targets';

export function requireImportRole(user: SessionUser | null | undefined, layer: ImportLayer): SessionUser {
	return IMPORT_TARGETS[layer].who === 'admin' ? requireAdmin(user, `Only administrators may import ${layer}.`) : requireUser(user);
}

/** The layers a user may import into, for the Import page. */
export const importableLayers = (user: SessionUser): ImportLayer[] => IMPORT_LAYERS.filter((l) => IMPORT_TARGETS[l].who === 'editor' || isAdmin(user));
