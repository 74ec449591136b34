#!/usr/bin/env bash
# Starts a throw-away PostgreSQL (Debian's packages, installed when missing and
# run as root), runs a command with JAMUN_TEST_POSTGRES_URL pointing at it, and
# stops it again. No Docker, no download beyond Debian's packages.
#
#   scripts/test-postgres.sh                 # the PostgreSQL half of the test suite
#   scripts/test-postgres.sh npx vitest …    # any command, with the URL in its environment
#
# initdb refuses to run as root, so as root the cluster belongs to a plain user
# (JAMUN_PG_USER, default pgtest, created when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

PG_BIN="$(find_bin || true)"
if [ -z "$PG_BIN" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing PostgreSQL (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    PG_BIN="$(find_bin)"
  else
    echo "PostgreSQL is not installed (no initdb). Install Debian's postgresql package, or run this script as root." >&2
    exit 1
  fi
fi

RUN_AS=()
DIR="$(mktemp -d /tmp/jamun-pg.XXXXXX)"
if [ "$(id -u)" = 0 ]; then
  PG_USER="${JAMUN_PG_USER:-pgtest}"
  id "$PG_USER" >/dev/null 2>&1 || useradd -m "$PG_USER"
  chown "$PG_USER" "$DIR"
  RUN_AS=(runuser -u "$PG_USER" --)
fi

# A free port: ask the kernel for one.
PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

stop() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT

"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$DIR/data" -U jamun --auth=trust --no-sync -E UTF8 >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log"; exit 1; }
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || { cat "$DIR/server.log"; exit 1; }
"${RUN_AS[@]}" "$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U jamun jamun_test

export JAMUN_TEST_POSTGRES_URL="postgres://jamun@127.0.0.1:$PORT/jamun_test"
echo "== PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PORT ($JAMUN_TEST_POSTGRES_URL)"

if [ "$#" -eq 0 ]; then
  # Every test file with postgres in its path: the PostgreSQL half.
  set -- npx vitest run --config tests/vitest.config.ts postgres
fi
"$@"
