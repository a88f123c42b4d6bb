#!/usr/bin/env bash
# Instructions, not seconds: callgrind counts what `storyline import -j 1` executes on the first
# N Reuters-21578 files (default 1,500), in all and per part of the pipeline. On this VM two
# identical whole imports differ by up to ±15 % in wall time, so a change worth 2-5 % cannot be
# seen in seconds; the count moves by about 0.1 % between identical runs (thread timing). Usage:
# bench/instructions.sh [-n N] [BUILD_DIR]   (installs valgrind if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="$(cd .. && pwd)/shared"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/storyline-bench"
n=1500
if [ "${1:-}" = "-n" ]; then n="$2"; shift 2; fi
dir="${1:-${STORYLINE_BUILD_DIR:-$(bash scripts/build.sh default)}}"
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac   # an absolute build folder is taken as it is
BIN="$dir/cli/storyline"
bash scripts/install-deps.sh bench
if [ ! -d "$CACHE/reuters/articles" ]; then
  python3 "$SHARED/tools/unpack_corpus.py" "$SHARED/corpus/articles/reuters21578-en/reuters21578.jsonl.gz" "$CACHE/reuters" --format txt >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/articles"
find "$CACHE/reuters/articles" -name '*.txt' | sort | sed -n "1,${n}p" | xargs -r cp -t "$work/articles"
# The gazetteer is read from its cached image once one exists for this build (docs/gazetteer.md):
# an import outside valgrind first, so that the count is that of every later run.
"$BIN" import -j 1 "$work/articles" --db "$work/warm.sqlite" -q >/dev/null 2>&1 || true
rc=0
valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$BIN" import -j 1 "$work/articles" --db "$work/db.sqlite" -q \
  >/dev/null 2>"$work/valgrind.log" || rc=$?
# 1: some file was refused (Reuters holds one with no text), the count still stands; more is a failure.
[ "$rc" -le 1 ] || { tail -20 "$work/valgrind.log" >&2; echo "instructions.sh: the import failed (exit status $rc)" >&2; exit 1; }
total=$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$work/valgrind.log")
[ -n "$total" ] || { cat "$work/valgrind.log" >&2; echo "instructions.sh: callgrind gave no count" >&2; exit 1; }
callgrind_annotate --inclusive=yes --threshold=100 "$work/cg.out" 2>/dev/null >"$work/inclusive.txt"
echo "storyline import -j 1, first $n Reuters files: $(echo "$total" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta') instructions"
# Inclusive counts: a part's callees are in its figure (entities holds tokenize and recognize).
part() {   # label, function name as callgrind_annotate prints it
  local count
  count=$(grep -F "$2" "$work/inclusive.txt" | grep -v '=>' | sed -n -E '1s/^ *([0-9,]+).*/\1/p' || true)
  printf '  %-28s %15s\n' "$1" "${count:-not seen}"
}
part "start-up: gazetteer" "load_gazetteer()"
part "reading: parse files" "import_bytes("
part "  language id" "identify_language"
part "pipeline" "Pipeline::annotate("
part "  sentences" "SentenceAnnotator::annotate("
part "  temporal expressions" "TimexAnnotator::annotate("
part "  entities" "EntityAnnotator::annotate("
part "    tokenize" "entities::tokenize_into("
part "    recognize" "entities::recognize("
part "    resolve" "entities::resolve("
part "  events" "EventAnnotator::annotate("
part "store: layers' JSON (workers)" "SqliteStore::prepare("
part "writer: put_all (rows)" "SqliteStore::put_all("
