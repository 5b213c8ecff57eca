/**
 * Process-level failure logging. An unhandled rejection is a bug: it is logged loudly (without
 * personal data) and the server goes on serving. An uncaught exception leaves the process in
 * an unknown state: it is logged and the process exits non-zero, so a supervisor restarts it
 * — nothing is swallowed silently. (The database driver's own write-after-close crash is
 * patched in scripts/patches; a database outage is answered with 503, not an exit.)
 */
import { describeError } from './log';

let installed = false;

export function installProcessHandlers(): void {
	if (installed) return;
	installed = true;
	process.on('unhandledRejection', (reason) => {
		console.error(`[bug] unhandled promise rejection: ${describeError(reason)}`);
	});
	process.on('uncaughtException', (error, origin) => {
		console.error(`[fatal] ${origin}: ${describeError(error)}`);
		process.exit(1);
	});
}
