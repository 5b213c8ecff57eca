/** Settings read from the environment, with their defaults, in one place. */
import { currentSettings } from './settings';

export interface Freshness {
	/** Records unconfirmed this many days are marked stale. */
	staleAfterDays: number;
	/** …and after this many they drop out of the public finder unless asked for. */
	hideAfterDays: number;
}

function intEnv(name: string, fallback: number): number {
	const v = Number(process.env[name]);
	return Number.isInteger(v) && v > 0 ? v : fallback;
}

/** The freshness thresholds: the site settings' (whose defaults are SITEATLAS_STALE_DAYS and SITEATLAS_HIDE_DAYS). */
export function freshness(): Freshness {
	const s = currentSettings();
	return { staleAfterDays: s.staleAfterDays, hideAfterDays: s.hideAfterDays };
}

/** Enquiries (and saved requirements) accepted per address per hour. */
export function enquiryRateLimit(): number {
	return intEnv('SITEATLAS_ENQUIRY_LIMIT_PER_HOUR', 5);
}

export interface ImportLimits {
	/** Largest file accepted, bytes. */
	maxUploadBytes: number;
	/** Largest total a zip may unpack to, bytes (zip bombs stop there). */
	maxUnpackedBytes: number;
	/** Most entries a zip may list. */
	maxEntries: number;
	/** Most features one file may hold. */
	maxFeatures: number;
	/** Most vertices one feature may have. */
	maxVertices: number;
}

/** Import limits: SITEATLAS_IMPORT_MAX_MB (default 100), …_MAX_UNPACKED_MB (1024), …_MAX_FEATURES (200,000). */
export function importLimits(): ImportLimits {
	return {
		maxUploadBytes: intEnv('SITEATLAS_IMPORT_MAX_MB', 100) * 1024 * 1024,
		maxUnpackedBytes: intEnv('SITEATLAS_IMPORT_MAX_UNPACKED_MB', 1024) * 1024 * 1024,
		maxEntries: 10_000,
		maxFeatures: intEnv('SITEATLAS_IMPORT_MAX_FEATURES', 200_000),
		maxVertices: 5000
	};
}
