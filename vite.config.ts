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
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/integration/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
