#!/usr/bin/env node
// Makes sure GDAL's ogr2ogr is there: the import tests measure the importer against it (the
// reference implementation) and the import benchmark writes its Shapefile with it. When it is
// missing and we are root with apt-get, install Debian's gdal-bin.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const has = () => spawnSync('ogr2ogr', ['--version'], { stdio: 'ignore' }).status === 0;
if (has()) process.exit(0);

if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
	console.log("GDAL's ogr2ogr not found; installing Debian's gdal-bin with apt-get…");
	try {
		execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gdal-bin', { stdio: 'inherit' });
	} catch {
		// fall through to the message below
	}
	if (has()) process.exit(0);
}
console.error(
	"The import tests compare against GDAL's ogr2ogr, and it is not on the PATH.\n" +
		'Install Debian\u2019s package (as root: apt-get install -y gdal-bin), then run the tests again.'
);
process.exit(1);
