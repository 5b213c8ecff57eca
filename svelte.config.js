import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ out: 'build' }),
		// Cross-site form posts are refused by SvelteKit's origin check (CSRF).
		csrf: { trustedOrigins: [] }
	}
};

export default config;
