# A throw-away PostgreSQL cluster in a temporary folder, for tests and measurements.
# Source it, then: pg_cluster_start [extra postgres -c settings...]; ...; pg_cluster_stop.
# Sets PG_WORK (the folder), PG_SOCKET (unix socket folder), PG_BIN, PG_URI_BASE
# ("postgresql://storyline@/DB?host=..." with DB left to append via pg_uri DB).
# PostgreSQL refuses to run as root: as root, the server runs as the system user
# $PG_TEST_USER (default storyline-test, created if missing, else nobody) via runuser.

pg_find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ] && { pg_config --bindir; return 0; }
  return 1
}

pg_as_owner() {
  if [ -n "${PG_RUN_USER:-}" ]; then (cd "$PG_WORK" && runuser -u "$PG_RUN_USER" -- "$@"); else (cd "$PG_WORK" && "$@"); fi
}

pg_cluster_start() {
  PG_BIN="$(pg_find_bin)" || return 1
  PG_WORK="$(mktemp -d /tmp/storyline-pg.XXXXXX)"
  PG_SOCKET="$PG_WORK/sock"
  mkdir -p "$PG_SOCKET"
  PG_RUN_USER=""
  if [ "$(id -u)" = 0 ]; then
    PG_RUN_USER="${PG_TEST_USER:-storyline-test}"
    if ! id "$PG_RUN_USER" >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_RUN_USER" 2>/dev/null || PG_RUN_USER=nobody
    fi
    chown -R "$PG_RUN_USER" "$PG_WORK"
  fi
  local locale=C.UTF-8
  locale -a 2>/dev/null | grep -qi '^en_US.utf8$' && locale=en_US.UTF-8   # a real collation: COLLATE "C" must matter
  pg_as_owner "$PG_BIN/initdb" -D "$PG_WORK/data" -U storyline --auth=trust -E UTF8 --locale="$locale" \
    >"$PG_WORK/initdb.log" 2>&1 || { cat "$PG_WORK/initdb.log" >&2; return 1; }
  local opts="-k $PG_SOCKET -c listen_addresses='' -c max_connections=50"
  local extra
  for extra in "$@"; do opts="$opts -c $extra"; done
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/server.log" -o "$opts" -w -t 60 start \
    >/dev/null || { cat "$PG_WORK/server.log" >&2; return 1; }
  export PGHOST="$PG_SOCKET" PGUSER=storyline PGDATABASE=postgres
  unset PGPORT PGPASSWORD PGSERVICE
}

# postgresql:// URI of database $1 on the cluster, created when missing.
pg_database() {
  "$PG_BIN/psql" -qAt -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1 \
    || "$PG_BIN/createdb" -E UTF8 "$1"
  echo "postgresql://storyline@/$1?host=$PG_SOCKET"
}

pg_cluster_stop() {
  [ -n "${PG_WORK:-}" ] || return 0
  [ -d "$PG_WORK/data" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_WORK/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_WORK"
  PG_WORK=""
}
