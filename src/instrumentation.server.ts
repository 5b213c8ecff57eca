/**
 * Runs before the server loads the app (adapter-node imports it first), so settings that
 * the adapter reads when it starts can get SiteAtlas's defaults: `node build` then accepts
 * survey imports of up to SITEATLAS_IMPORT_MAX_MB (default 100 MB; adapter-node's own default
 * request limit is 512 KB). Every other route refuses bodies over 6 MB in hooks.server.ts
 * (guard/request), and each route enforces its own limit. An explicit BODY_SIZE_LIMIT in the
 * environment still wins.
 */
process.env.BODY_SIZE_LIMIT ??= `${(Number(process.env.SITEATLAS_IMPORT_MAX_MB) || 100) + 2}M`;
