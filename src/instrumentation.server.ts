/**
 * Runs before the server loads the app (adapter-node imports it first), so settings that
 * the adapter reads when it starts can get SiteAtlas's defaults: `node build` then accepts
 * photo uploads of up to 5 MB (adapter-node's own default request limit is 512 KB). An
 * explicit BODY_SIZE_LIMIT in the environment still wins; each route enforces its own limit.
 */
process.env.BODY_SIZE_LIMIT ??= '6M';
