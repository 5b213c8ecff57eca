import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);

/**
 * Browser tests drive Debian's Chromium against the built app on the embedded
 * database, started fresh (first-start migration and sample seed included).
 */
export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 15_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		viewport: { width: 1280, height: 800 },
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu-sandbox',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--use-angle=swiftshader',
				'--enable-unsafe-swiftshader'
			]
		}
	},
	webServer: {
		command: 'rm -rf .data/e2e && node build',
		url: `http://127.0.0.1:${PORT}/api/health`,
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		env: { PORT: String(PORT), HOST: '127.0.0.1', SITEATLAS_DATA_DIR: '.data/e2e', ORIGIN: `http://127.0.0.1:${PORT}`, BODY_SIZE_LIMIT: '6M' }
	}
});
