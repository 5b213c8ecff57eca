/**
 * Which parks' records a user sees on the boards: promotion staff and administrators every
 * park, a park editor theirs — as a list, and as the SQL condition that keeps a query to them.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SessionUser } from '.';
import { canPlanTours } from './permissions';
import { intList } from '../db/lists';

/** The parks a user sees: null for every park. */
export const visibleParkIds = (user: SessionUser): number[] | null => (canPlanTours(user) ? null : user.parkIds);

/** `and <column> in (the user's parks)`, or nothing for someone who sees every park. */
export function inVisibleParks(column: SQL, user: SessionUser): SQL {
	const ids = visibleParkIds(user);
	return ids ? sql`and ${column} in ${intList(ids)}` : sql``;
}
