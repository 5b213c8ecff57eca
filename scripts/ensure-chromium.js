#!/usr/bin/env node
// Makes sure Debian's Chromium is there for the browser tests. Playwright's own browser
// download cannot be used here, so the tests drive the system Chromium (CHROMIUM_PATH,
// default /usr/bin/chromium). When it is missing and we are root with apt-get, install it.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (canApt) {
	console.log(`Chromium not found at ${path}; installing Debian's chromium with apt-get…`);
	try {
		execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
		// CJK fonts make screenshots readable; the tests do not depend on them.
		execSync('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk || true', { stdio: 'inherit' });
	} catch {
		// fall through to the message below
	}
	if (existsSync(path)) process.exit(0);
}
console.error(
	`The browser tests need Chromium at ${path}, and it is not there.\n` +
		`Install Debian's package (as root: apt-get install -y chromium), or point CHROMIUM_PATH at a Chromium binary, then run npm test again.`
);
process.exit(1);
