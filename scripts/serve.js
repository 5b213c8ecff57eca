#!/usr/bin/env node
// Serves the built app (build/). Without ORIGIN or PROTOCOL_HEADER, adapter-node assumes
// https, which makes browsers' form posts look cross-site and marks cookies Secure on a plain
// http://localhost. For a local start, default to http on the local port; a deployment
// behind a proxy sets ORIGIN (or PROTOCOL_HEADER/HOST_HEADER) itself.
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
	process.env.ORIGIN = `http://localhost:${process.env.PORT ?? 3000}`;
}
// Photos may be up to 5 MB; adapter-node's default request limit is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '6M';
await import('../build/index.js');
