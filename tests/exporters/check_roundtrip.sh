#!/usr/bin/env bash
# Round trip GraphML → networkx against `storyline stats`, on a database (or on fixtures/ when
# none is given). usage: check_roundtrip.sh STORYLINE_BINARY SOURCE_DIR [DB]
set -euo pipefail
BIN="$1"
SRC="$2"
/usr/bin/python3 -c "import networkx" 2>/dev/null || { echo "SKIP: python3-networkx not installed"; exit 77; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
DB="${3:-}"
if [ -z "$DB" ]; then
  "$BIN" run "$SRC/fixtures/articles" -o "$WORK/out" -q >/dev/null 2>&1
  DB="$WORK/out/storyline.db"
fi
"$BIN" export graphml --db "$DB" -o "$WORK/graph.graphml" 2>/dev/null
"$BIN" stats --db "$DB" >"$WORK/stats.txt"
/usr/bin/python3 "$SRC/tests/exporters/check_roundtrip.py" "$WORK/graph.graphml" "$WORK/stats.txt"
