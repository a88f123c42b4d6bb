#!/usr/bin/env bash
# The PostgreSQL store against a real server: starts a throw-away cluster, runs the store's
# unit tests, then imports fixtures/articles with 4 concurrent `--shard K/4` workers and checks
# the exports are byte-identical to one SQLite import. Exit 77 (ctest: skipped) only when the
# PostgreSQL server binaries are missing and cannot be installed.
# usage: run_postgres_tests.sh STORYLINE_BINARY TEST_BINARY SOURCE_DIR
set -euo pipefail
BIN="$1"
TESTS="$2"
SRC="$3"
source "$SRC/tests/postgres/pg_cluster.sh"
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

if ! pg_find_bin >/dev/null; then
  bash "$SRC/scripts/install-deps.sh" test >/dev/null 2>&1 || true
  pg_find_bin >/dev/null || { echo "SKIP: PostgreSQL server binaries not found and not installable (apt-get install postgresql-15)"; exit 77; }
fi
OUT="$(mktemp -d)"
trap 'pg_cluster_stop; rm -rf "$OUT"' EXIT
pg_cluster_start fsync=off || fail "could not start a PostgreSQL cluster"
step "cluster up ($("$PG_BIN/postgres" --version), run as ${PG_RUN_USER:-$(id -un)})"

step "store unit tests"
STORYLINE_TEST_POSTGRES="$(pg_database storyline_unit)" "$TESTS" --gtest_filter='test_postgres_store.*' --gtest_brief=1 \
  || fail "PostgreSQL store unit tests"

step "4 concurrent shard workers vs one SQLite import on fixtures/articles"
uri="$(pg_database storyline_fixtures)"
"$BIN" import "$SRC/fixtures/articles" --db "$OUT/one.db" -q >"$OUT/sqlite.log" 2>&1 || { cat "$OUT/sqlite.log"; fail "SQLite import"; }
pids=()
for k in 1 2 3 4; do
  "$BIN" import "$SRC/fixtures/articles" --db "$uri" --shard "$k/4" -q >"$OUT/w$k.log" 2>&1 & pids+=($!)
done
for i in "${!pids[@]}"; do wait "${pids[$i]}" || { cat "$OUT/w$((i + 1)).log"; fail "worker $((i + 1)) failed"; }; done
for fmt in graphml timeline; do
  "$BIN" export "$fmt" --db "$OUT/one.db" -o "$OUT/sqlite.$fmt" 2>/dev/null
  "$BIN" export "$fmt" --db "$uri" -o "$OUT/pg.$fmt" 2>/dev/null
  cmp "$OUT/sqlite.$fmt" "$OUT/pg.$fmt" || fail "$fmt export differs between SQLite and PostgreSQL"
done
# Not "stats | head": head leaves early and stats, still writing, would die of SIGPIPE (pipefail).
"$BIN" stats --db "$uri" >"$OUT/stats.txt" 2>/dev/null
head -3 "$OUT/stats.txt"

step "re-running every worker changes nothing"
for k in 1 2 3 4; do
  "$BIN" import "$SRC/fixtures/articles" --db "$uri" --shard "$k/4" -q >"$OUT/again$k.log" 2>&1 || fail "re-run of worker $k"
  grep -q " 0 new, 0 changed, " "$OUT/again$k.log" || { cat "$OUT/again$k.log"; fail "worker $k re-imported something"; }
done
[ "$("$BIN" stats --db "$uri" | sed -n 's/^articles: //p')" = "$("$BIN" stats --db "$OUT/one.db" | sed -n 's/^articles: //p')" ] \
  || fail "article counts differ"

step "bad --shard and unreachable server are clear errors"
set +e
"$BIN" import "$SRC/fixtures/articles" --db "$uri" --shard 5/4 >/dev/null 2>&1; [ $? = 2 ] || fail "--shard 5/4 should exit 2"
"$BIN" stats --db "postgresql://nobody@/none?host=$OUT/nosocket" >/dev/null 2>"$OUT/err"; code=$?
set -e
[ "$code" != 0 ] && grep -q "cannot connect to PostgreSQL" "$OUT/err" || { cat "$OUT/err"; fail "unreachable server"; }
echo "postgres: all checks passed"
