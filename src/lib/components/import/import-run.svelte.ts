/**
 * One dry run or commit as the console sees it: the upload's progress (bytes sent), then the
 * server's reading (features checked, streamed as NDJSON lines), then the report or the error.
 */
import type { ImportOptions, ImportReport } from '$lib/domain/import/report';

export type RunPhase = 'idle' | 'uploading' | 'reading' | 'done' | 'error';

export interface RunError {
	status: number;
	message: string;
	key?: string;
	params?: Record<string, string | number>;
}

export class ImportRun {
	phase = $state<RunPhase>('idle');
	/** 0–1 of the file sent. */
	uploaded = $state(0);
	read = $state<{ phase: string; done: number; total: number | null } | null>(null);
	report = $state<ImportReport | null>(null);
	error = $state<RunError | null>(null);
	/** The report a refused commit came back with (its problems). */
	refused = $state<ImportReport | null>(null);

	get busy() {
		return this.phase === 'uploading' || this.phase === 'reading';
	}

	start(file: File, options: ImportOptions, mode: 'dry_run' | 'commit'): Promise<void> {
		this.phase = 'uploading';
		this.uploaded = 0;
		this.read = null;
		this.error = null;
		this.refused = null;
		const query = `layer=${encodeURIComponent(options.layer)}&mode=${mode}${options.parkCode ? `&park=${encodeURIComponent(options.parkCode)}` : ''}`;
		const form = new FormData();
		form.append('file', file);
		form.append('options', JSON.stringify({ ...options, layer: undefined, parkCode: undefined }));
		return new Promise((resolve) => {
			const xhr = new XMLHttpRequest();
			xhr.open('POST', `/api/console/imports?${query}`);
			xhr.setRequestHeader('accept', 'application/x-ndjson');
			let seen = 0;
			const lines = () => {
				const text = xhr.responseText;
				const end = text.lastIndexOf('\n');
				if (end < seen) return;
				for (const line of text.slice(seen, end).split('\n')) if (line.trim()) this.handle(JSON.parse(line), mode);
				seen = end + 1;
			};
			xhr.upload.onprogress = (e) => {
				if (e.lengthComputable) this.uploaded = e.loaded / e.total;
			};
			xhr.upload.onload = () => {
				this.uploaded = 1;
				this.phase = 'reading';
			};
			xhr.onprogress = lines;
			xhr.onload = () => {
				if (xhr.getResponseHeader('content-type')?.includes('ndjson')) lines();
				else {
					let body: { message?: string; key?: string; params?: Record<string, string | number> };
					try {
						body = JSON.parse(xhr.responseText);
					} catch {
						body = { message: xhr.statusText };
					}
					this.fail({ status: xhr.status, message: body.message ?? xhr.statusText, key: body.key, params: body.params });
				}
				if (this.busy) this.fail({ status: xhr.status, message: xhr.statusText || 'no answer' });
				resolve();
			};
			xhr.onerror = () => {
				this.fail({ status: 0, message: 'network' });
				resolve();
			};
			xhr.send(form);
		});
	}

	private handle(line: Record<string, unknown>, mode: 'dry_run' | 'commit') {
		if (line.progress) {
			this.phase = 'reading';
			this.read = line.progress as ImportRun['read'];
		} else if (line.report) {
			this.report = line.report as ImportReport;
			this.phase = 'done';
		} else if (line.error) {
			if (line.report && mode === 'commit') this.refused = line.report as ImportReport;
			this.fail({
				status: Number(line.status ?? 400),
				message: String(line.message ?? ''),
				key: line.key as string,
				params: line.params as Record<string, string | number>
			});
		}
	}

	private fail(e: RunError) {
		this.error = e;
		this.phase = 'error';
	}
}
