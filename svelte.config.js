import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ out: 'build' }),
		// Cross-site form posts are refused by SvelteKit's origin check (CSRF).
		csrf: { trustedOrigins: [] },
		// Pages may run only the app's own scripts (SvelteKit's inline bootstrap carries a nonce).
		// MapLibre's worker is a same-origin file; its images and deck.gl's textures may be blobs.
		// A deployment's basemap origins are added at run time (lib/server/guard/headers.ts).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'child-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		experimental: {
			// src/instrumentation.server.ts runs before the app is loaded (process-level settings).
			instrumentation: { server: true }
		}
	}
};

export default config;
