/** Settings read from the environment, with their defaults, in one place. */

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

export function freshness(): Freshness {
	return { staleAfterDays: intEnv('SITEATLAS_STALE_DAYS', 90), hideAfterDays: intEnv('SITEATLAS_HIDE_DAYS', 180) };
}

/** Enquiries (and saved requirements) accepted per address per hour. */
export function enquiryRateLimit(): number {
	return intEnv('SITEATLAS_ENQUIRY_LIMIT_PER_HOUR', 5);
}
