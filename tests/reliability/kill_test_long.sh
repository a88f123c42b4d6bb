#!/usr/bin/env bash
# The long crash-safety run: 20 SIGKILLs during an import of the Reuters-21578 set (from
# ../shared/corpus), then the checks of kill_test.py. Runs only with STORYLINE_LONG_TESTS=1
# (ctest counts exit 77 as skipped). Usage: kill_test_long.sh STORYLINE_BINARY [KILLS]
set -euo pipefail
if [ "${STORYLINE_LONG_TESTS:-}" != 1 ]; then
  echo "skipped: set STORYLINE_LONG_TESTS=1 to run the 20-kill Reuters test"
  exit 77
fi
here="$(cd "$(dirname "$0")" && pwd)"
shared="${STORYLINE_SHARED:-$here/../../../shared}"
[ -d "$shared" ] || shared=/work/shared
corpus="$shared/corpus/articles/reuters21578-en/reuters21578.jsonl.gz"
if [ ! -f "$corpus" ]; then
  echo "skipped: $corpus not found (set STORYLINE_SHARED)"
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$shared/tools/unpack_corpus.py" "$corpus" "$work/reuters" --format txt >/dev/null
python3 "$here/kill_test.py" --storyline "$1" --kills "${2:-20}" --folder "$work/reuters/articles"
