#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the storage tests on 127.0.0.1:${TAPBOT_PG_PORT:-55432} (installing
# Debian's postgresql when missing) and prints its connection string. "scripts/postgres.sh stop" stops it.
set -euo pipefail
port=${TAPBOT_PG_PORT:-55432}
dir=${TAPBOT_PG_DIR:-/tmp/tapbot-pg}

as_owner() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)

if [[ "${1:-}" == "stop" ]]; then
  [[ -n "$bin" && -f "$dir/data/postmaster.pid" ]] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  exit 0
fi

if [[ -z "$bin" ]]; then
  [[ $(id -u) -eq 0 ]] || { echo "PostgreSQL is missing; install it with: sudo apt-get install postgresql" >&2; exit 1; }
  echo "Installing PostgreSQL from Debian (apt-get)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

if ! as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  rm -rf "$dir"
  mkdir -p "$dir"
  [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync -E UTF8 >/dev/null
  # Test settings: loopback only, a private socket folder, durability traded for speed.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200" >/dev/null
fi
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
