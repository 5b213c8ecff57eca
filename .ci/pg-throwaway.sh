#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 + PostGIS server on a spare loopback port.
# Usage: source .ci/pg-throwaway.sh   → exports PG_URL, PG_DIR; call pg_throwaway_stop when done.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PG_BIN/initdb" ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
	echo "Installing PostgreSQL 15 + PostGIS (apt-get)…"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq postgresql-15 postgresql-15-postgis-3 >/dev/null
fi

PG_PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
PG_DIR=$(mktemp -d /tmp/siteatlas-pg.XXXXXX)
chown postgres:postgres "$PG_DIR"
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
run_pg "$PG_BIN/initdb -D '$PG_DIR/data' -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8" >/dev/null
run_pg "$PG_BIN/pg_ctl -D '$PG_DIR/data' -l '$PG_DIR/log' -o \"-p $PG_PORT -k '$PG_DIR' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" -w start" >/dev/null
run_pg "$PG_BIN/createdb -h 127.0.0.1 -p $PG_PORT -U postgres siteatlas_test"
export PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/siteatlas_test"
export PG_DIR PG_PORT
echo "Throwaway PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') + PostGIS at 127.0.0.1:$PG_PORT"

pg_throwaway_stop() {
	run_pg "$PG_BIN/pg_ctl -D '$PG_DIR/data' -m immediate stop" >/dev/null 2>&1 || true
	rm -rf "$PG_DIR"
}
