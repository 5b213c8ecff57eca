#!/usr/bin/env bash
# Scale-out on PostgreSQL's own replication, with a shared HTTP tile cache, all on loopback:
#
#   nginx (proxy_cache, keyed by the versioned tile URL)
#     ├─ app instance A ─┐  writes and signed-in reads → primary
#     └─ app instance B ─┤  public reads (tiles, search, heat, site pages) → replica
#   PostgreSQL primary ──┴─ streaming replica (synchronous, remote_apply: a commit returns once the replica shows it)
#
# Then scripts/scale-out-check.ts checks replication and routing, measures tiles per second
# through nginx (first pass from the apps, second from nginx's cache) and edits a plot through
# instance A, expecting the change in the very next tile, search and heat answer through B and
# through nginx.
#
#   npm run build && scripts/scale-out-demo.sh                 the sample zone
#   npm run build && scripts/scale-out-demo.sh --plots 100000  a generated zone of 100,000 plots
#   scripts/scale-out-demo.sh --quick                          CI's reduced form (sample zone, fewer tiles)
#
# Needs PostgreSQL 15 + PostGIS and nginx from Debian (installed with apt-get when missing) and
# the built app (build/). Everything it starts lives in one temporary folder and stops on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

PLOTS=0
QUICK=0
while [ $# -gt 0 ]; do
	case "$1" in
	--plots) PLOTS="$2"; shift 2 ;;
	--quick) QUICK=1; shift ;;
	*) echo "Unknown option $1 (use --plots N or --quick)" >&2; exit 2 ;;
	esac
done

[ -f build/index.js ] || { echo "Build the app first: npm run build" >&2; exit 2; }

PG_BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PG_BIN/initdb" ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ] || ! command -v nginx >/dev/null; then
	echo "Installing PostgreSQL 15 + PostGIS and nginx (apt-get)…"
	export DEBIAN_FRONTEND=noninteractive
	# Packages must not start their own services (nginx on port 80): this script starts what it needs.
	policy=/usr/sbin/policy-rc.d
	ours=0
	if [ ! -e "$policy" ]; then
		printf '#!/bin/sh\nexit 101\n' > "$policy"
		chmod +x "$policy"
		ours=1
		trap 'rm -f /usr/sbin/policy-rc.d' EXIT
	fi
	apt-get update -qq
	apt-get install -y -qq postgresql-15 postgresql-15-postgis-3 nginx-light >/dev/null
	if [ "$ours" = 1 ]; then
		rm -f "$policy"
		trap - EXIT
	fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

spare() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

DIR=$(mktemp -d /tmp/siteatlas-scaleout.XXXXXX)
chmod 755 "$DIR"
mkdir -p "$DIR/pg"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR/pg"
P1=$(spare); P2=$(spare); A1=$(spare); A2=$(spare); N=$(spare)
PIDS=()
stop() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	[ -f "$DIR/nginx.pid" ] && kill "$(cat "$DIR/nginx.pid")" 2>/dev/null || true
	run_pg "$PG_BIN/pg_ctl -D '$DIR/pg/replica' -m immediate stop" >/dev/null 2>&1 || true
	run_pg "$PG_BIN/pg_ctl -D '$DIR/pg/primary' -m immediate stop" >/dev/null 2>&1 || true
	rm -rf "$DIR"
}
trap stop EXIT

echo "== PostgreSQL primary on :$P1, streaming replica on :$P2"
run_pg "$PG_BIN/initdb -D '$DIR/pg/primary' -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8" >/dev/null
cat >> "$DIR/pg/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
wal_level = replica
max_wal_senders = 4
fsync = off
full_page_writes = off
shared_buffers = 256MB
EOF
run_pg "$PG_BIN/pg_ctl -D '$DIR/pg/primary' -l '$DIR/pg/primary.log' -o \"-p $P1 -k '$DIR/pg'\" -w start" >/dev/null
run_pg "$PG_BIN/createdb -h 127.0.0.1 -p $P1 -U postgres siteatlas"
run_pg "$PG_BIN/pg_basebackup -h 127.0.0.1 -p $P1 -U postgres -D '$DIR/pg/replica' -R -X stream -d 'application_name=replica1'" >/dev/null
run_pg "$PG_BIN/pg_ctl -D '$DIR/pg/replica' -l '$DIR/pg/replica.log' -o \"-p $P2 -k '$DIR/pg' -c hot_standby=on\" -w start" >/dev/null
# Synchronous once the replica is there (before, every commit would wait for it): a commit
# returns when the replica has applied it, so a read there right after sees it.
run_pg "$PG_BIN/psql -h 127.0.0.1 -p $P1 -U postgres -qc \"alter system set synchronous_standby_names = 'replica1'\" -c \"alter system set synchronous_commit = 'remote_apply'\" -c 'select pg_reload_conf()'" >/dev/null
PRIMARY="postgres://postgres@127.0.0.1:$P1/siteatlas"
REPLICA="postgres://postgres@127.0.0.1:$P2/siteatlas"

if [ "$PLOTS" -gt 0 ]; then
	echo "== generating $PLOTS plots on the primary"
	npx tsx scripts/generate-scale.ts --plots "$PLOTS" "$PRIMARY"
fi

start_app() {
	local port=$1 log=$2
	DATABASE_URL="$PRIMARY" DATABASE_READ_URL="$REPLICA" SITEATLAS_SEED=sample SITEATLAS_OUTBOX=off \
		PORT="$port" HOST=127.0.0.1 ORIGIN="http://127.0.0.1:$N" node build > "$log" 2>&1 &
	PIDS+=($!)
	for _ in $(seq 1 600); do
		curl -sf "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && return 0
		sleep 0.25
	done
	cat "$log"
	echo "app on :$port did not start" >&2
	exit 1
}
echo "== app instances A on :$A1 and B on :$A2"
start_app "$A1" "$DIR/app-a.log" # A migrates and loads the sample zone first
start_app "$A2" "$DIR/app-b.log"

echo "== nginx on :$N, tiles through proxy_cache"
mkdir -p "$DIR/nginx/cache" "$DIR/nginx/tmp"
chmod -R 777 "$DIR/nginx"
cat > "$DIR/nginx.conf" <<EOF
worker_processes 2;
pid $DIR/nginx.pid;
error_log $DIR/nginx/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $DIR/nginx/tmp/body;
	proxy_temp_path $DIR/nginx/tmp/proxy;
	fastcgi_temp_path $DIR/nginx/tmp/fastcgi;
	uwsgi_temp_path $DIR/nginx/tmp/uwsgi;
	scgi_temp_path $DIR/nginx/tmp/scgi;
	# Tiles asked at the current data version (?v=) come back "immutable": any instance's answer
	# serves every later visitor. Unversioned tiles say max-age=0 and are not kept.
	proxy_cache_path $DIR/nginx/cache levels=1:2 keys_zone=tiles:64m max_size=2g inactive=7d use_temp_path=off;
	upstream app {
		server 127.0.0.1:$A1;
		server 127.0.0.1:$A2;
		keepalive 32;
	}
	server {
		listen 127.0.0.1:$N;
		proxy_http_version 1.1;
		proxy_set_header Connection "";
		proxy_set_header Host \$http_host;
		location /tiles/ {
			proxy_pass http://app;
			proxy_cache tiles;
			proxy_cache_key \$request_uri;
			proxy_cache_lock on;
			add_header X-Cache-Status \$upstream_cache_status always;
		}
		location / {
			proxy_pass http://app;
		}
	}
}
EOF
"$NGINX" -t -c "$DIR/nginx.conf" -p "$DIR/nginx" >/dev/null 2>&1 || { "$NGINX" -t -c "$DIR/nginx.conf" -p "$DIR/nginx"; exit 1; }
"$NGINX" -c "$DIR/nginx.conf" -p "$DIR/nginx"

echo "== checks and load"
npx tsx scripts/scale-out-check.ts --nginx "http://127.0.0.1:$N" --a "http://127.0.0.1:$A1" --b "http://127.0.0.1:$A2" \
	--primary "$PRIMARY" --replica "$REPLICA" $([ "$QUICK" = 1 ] && echo --quick)
