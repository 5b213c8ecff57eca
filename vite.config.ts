import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	optimizeDeps: {
		// PGlite loads its WebAssembly and data files relative to its own modules.
		exclude: ['@electric-sql/pglite', '@electric-sql/pglite-postgis']
	},
	ssr: {
		external: ['@electric-sql/pglite', '@electric-sql/pglite-postgis', 'postgres']
	},
	test: {
		// Two cores: each integration file opens its own database from the shared snapshot.
		maxWorkers: 2,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts', 'src/**/*.spec.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					// Drives the built app (npm run test:resilience): bad input on every route, access, concurrency, faults.
					name: 'resilience',
					include: ['tests/resilience/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/resilience/global-setup.ts'],
					fileParallelism: false,
					// Bounds, not speed targets: a slow or busy machine must still pass.
					testTimeout: 900_000,
					hookTimeout: 900_000
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/integration/global-setup.ts'],
					// Bounds, not speed targets: a slow or busy machine must still pass.
					testTimeout: 900_000,
					hookTimeout: 900_000
				}
			}
		]
	}
});
