#!/usr/bin/env bash
# By hand, not in ctest (minutes, and corpora outside the repo): the figures of docs/scale-out.md.
#   1. identical: N concurrent `--shard K/N` workers into one PostgreSQL vs one SQLite import:
#      GraphML and timeline exports compared with cmp;
#   2. kill: a worker killed with SIGKILL mid-import, then re-run: every article exactly once;
#   3. speed: W concurrent workers into PostgreSQL vs one SQLite import (articles/s, MB/s).
# usage: [FORMATS="graphml timeline"] scale_out_proof.sh STORYLINE_BINARY identical N DIR...
#        scale_out_proof.sh STORYLINE_BINARY kill DIR...
#        scale_out_proof.sh STORYLINE_BINARY speed W DIR...
set -euo pipefail
BIN="$(realpath "$1")"; shift
MODE="$1"; shift
HERE="$(dirname "$(realpath "$0")")"
source "$HERE/pg_cluster.sh"
OUT="$(mktemp -d)"
trap 'pg_cluster_stop; rm -rf "$OUT"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
now() { date +%s.%N; }
pg_cluster_start || fail "could not start a PostgreSQL cluster"
echo "cluster: $("$PG_BIN/postgres" --version), socket $PG_SOCKET"

count_in() {   # count_in TABLE DB: rows, straight from the database (stats would build the graph)
  case "$2" in
    postgres*) "$PG_BIN/psql" -qAt -d "$2" -c "SELECT count(*) FROM $1" ;;
    *) python3 -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM $1').fetchone()[0])" "$2" ;;
  esac
}
articles_in() { count_in articles "$1"; }
sources_in() { count_in sources "$1"; }
workers() {   # workers N URI DIR... : N concurrent shard workers, waits for all
  local n="$1" uri="$2"; shift 2
  local pids=() k
  for k in $(seq 1 "$n"); do
    "$BIN" import "$@" --db "$uri" --shard "$k/$n" -q >"$OUT/w$k.log" 2>&1 & pids+=($!)
  done
  local status=0
  for k in "${!pids[@]}"; do wait "${pids[$k]}" || status=$?; done
  grep -h "^Imported\|error" "$OUT"/w*.log || true
  return 0
}
compare_exports() {   # compare_exports SQLITE_DB PG_URI
  local fmt
  for fmt in ${FORMATS:-graphml timeline}; do
    "$BIN" export "$fmt" --db "$1" -o "$OUT/sqlite.$fmt" 2>/dev/null
    "$BIN" export "$fmt" --db "$2" -o "$OUT/pg.$fmt" 2>/dev/null
    cmp "$OUT/sqlite.$fmt" "$OUT/pg.$fmt" || fail "$fmt differs"
    echo "cmp $fmt: identical ($(wc -c <"$OUT/pg.$fmt") bytes, sha256 $(sha256sum "$OUT/pg.$fmt" | cut -c1-16))"
  done
}

case "$MODE" in
identical)
  n="$1"; shift
  "$BIN" import "$@" --db "$OUT/one.db" -q >"$OUT/sqlite.log" 2>&1 || true
  grep "^Imported\|^Database" "$OUT/sqlite.log"
  uri="$(pg_database proof)"
  workers "$n" "$uri" "$@"
  echo "SQLite: $(articles_in "$OUT/one.db") articles, $(sources_in "$OUT/one.db") sources;" \
       "PostgreSQL: $(articles_in "$uri") articles, $(sources_in "$uri") sources"
  compare_exports "$OUT/one.db" "$uri"
  ;;
kill)
  "$BIN" import "$@" --db "$OUT/one.db" -q >/dev/null 2>&1 || true
  uri="$(pg_database killed)"
  "$BIN" import "$@" --db "$uri" --shard 1/2 -q >"$OUT/k.log" 2>&1 & pid=$!
  # Kill once some batches are committed and the next one is in flight.
  until [ "$("$PG_BIN/psql" -qAt -d killed -c 'SELECT count(*) FROM articles' 2>/dev/null || echo 0)" -ge 300 ]; do
    kill -0 "$pid" 2>/dev/null || fail "the worker finished before it could be killed: use a larger input"
    sleep 0.2
  done
  kill -KILL "$pid"; wait "$pid" 2>/dev/null || true
  echo "after SIGKILL: $("$PG_BIN/psql" -qAt -d killed -c 'SELECT count(*) FROM articles') articles committed"
  workers 2 "$uri" "$@"
  dup="$("$PG_BIN/psql" -qAt -d killed -c "SELECT count(*) - count(DISTINCT id) FROM articles")"
  orphans="$("$PG_BIN/psql" -qAt -d killed -c "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id)")"
  echo "SQLite: $(articles_in "$OUT/one.db") articles, $(sources_in "$OUT/one.db") sources;" \
       "PostgreSQL after re-run: $(articles_in "$uri") articles, $(sources_in "$uri") sources, $dup duplicates, $orphans without source"
  [ "$(articles_in "$OUT/one.db")" = "$(articles_in "$uri")" ] && [ "$(sources_in "$OUT/one.db")" = "$(sources_in "$uri")" ] \
    || fail "counts differ after the kill"
  ;;
speed)
  w="$1"; shift
  files="$(find "$@" -type f ! -name '.*' | wc -l)"
  mb="$(find "$@" -type f ! -name '.*' -printf '%s\n' | awk '{s += $1} END {printf "%.2f", s / 1e6}')"
  t0="$(now)"; "$BIN" import "$@" --db "$OUT/one.db" -q >"$OUT/sqlite.log" 2>&1 || true; t1="$(now)"
  n="$(articles_in "$OUT/one.db")"
  awk -v n="$n" -v mb="$mb" -v t="$(echo "$t1 - $t0" | bc)" -v f="$files" \
    'BEGIN {printf "SQLite, 1 process: %d files, %d articles, %.2f MB in %.1f s: %.1f articles/s, %.3f MB/s\n", f, n, mb, t, n / t, mb / t}'
  uri="$(pg_database speed)"
  t0="$(now)"; workers "$w" "$uri" "$@" >/dev/null; t1="$(now)"
  n="$(articles_in "$uri")"
  awk -v n="$n" -v mb="$mb" -v t="$(echo "$t1 - $t0" | bc)" -v w="$w" \
    'BEGIN {printf "PostgreSQL, %d workers: %d articles, %.2f MB in %.1f s: %.1f articles/s, %.3f MB/s\n", w, n, mb, t, n / t, mb / t}'
  ;;
*) echo "usage: $0 BIN identical N DIR... | kill DIR... | speed W DIR..." >&2; exit 2 ;;
esac
