/**
 * A background job of this process: a pass now and then every interval, never two at once,
 * never keeping the process alive; a pass that fails (the database restarting, say) says so in
 * one log line and the next one tries again.
 */
import { describeError } from './log';

export function every(intervalMs: number, what: string, pass: () => Promise<void>): () => void {
	let running = false;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			await pass();
		} catch (e) {
			console.warn(`[${what}] skipped: ${describeError(e)}`);
		} finally {
			running = false;
		}
	};
	const timer = setInterval(tick, intervalMs);
	timer.unref();
	void tick();
	return () => clearInterval(timer);
}
