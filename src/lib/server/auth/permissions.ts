/**
 * Who may write what. Checked on the server for every write, whatever ids a request sends:
 * admin and staff may edit every park's records; a park editor only those of its parks.
 */
import type { SessionUser } from '.';

export class PermissionError extends Error {
	constructor(
		readonly status: 401 | 403,
		message: string
	) {
		super(message);
	}
}

export function requireUser(user: SessionUser | null | undefined): SessionUser {
	if (!user) throw new PermissionError(401, 'Sign in first.');
	return user;
}

export function canEditPark(user: SessionUser, parkId: number): boolean {
	return user.role === 'admin' || user.role === 'staff' || user.parkIds.includes(parkId);
}

export function requireParkEditor(user: SessionUser | null | undefined, parkId: number): SessionUser {
	const u = requireUser(user);
	if (!canEditPark(u, parkId)) throw new PermissionError(403, 'You may not edit records of this park.');
	return u;
}

export const isAdmin = (user: SessionUser | null | undefined): boolean => user?.role === 'admin';

/** Administrators only: users, the audit log, the zone-wide layers. */
export function requireAdmin(user: SessionUser | null | undefined, message = 'Only administrators may do this.'): SessionUser {
	const u = requireUser(user);
	if (!isAdmin(u)) throw new PermissionError(403, message);
	return u;
}

/** Promotion staff and administrators: they plan tours and see every park. */
export function canPlanTours(user: SessionUser): boolean {
	return user.role === 'admin' || user.role === 'staff';
}

export function requireStaff(user: SessionUser | null | undefined): SessionUser {
	const u = requireUser(user);
	if (!canPlanTours(u)) throw new PermissionError(403, 'Only promotion staff and administrators may do this.');
	return u;
}
