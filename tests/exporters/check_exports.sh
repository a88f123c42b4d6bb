#!/usr/bin/env bash
# Every export of one database, read by the real clients: GraphML and GEXF (--strict Gephi
# lint, XSD/RNG, networkx, igraph), TimelineJS3 (schema + render), vis, CSV, JSON Lines, the
# HTML viewer (offline, headless Chromium), byte-identical output, and the GraphML → networkx
# round trip against `storyline stats`. Uses fixtures/ when no database is given.
# usage: check_exports.sh STORYLINE_BINARY SOURCE_DIR [DB] [OUT_DIR]
set -euo pipefail
BIN="$1"
SRC="$2"
DB="${3:-}"
# The checkers live in ../shared/tools of the main tree (../../shared/tools from a worktree).
TOOLS="${STORYLINE_SHARED_TOOLS:-$SRC/../shared/tools}"
[ -d "$TOOLS" ] || TOOLS="$SRC/../../shared/tools"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
OUT="${4:-$WORK/exports}"
mkdir -p "$OUT"
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

if [ -z "$DB" ]; then
  "$BIN" run "$SRC/fixtures/articles" -o "$WORK/run" -q >/dev/null 2>&1 || fail "storyline run on fixtures"
  DB="$WORK/run/storyline.db"
fi

step "every format, twice: byte-identical"
export_twice() {   # NAME FORMAT OUTPUT [options...]
  local name="$1" format="$2" output="$3"
  shift 3
  "$BIN" export "$format" --db "$DB" -o "$OUT/$output" "$@" 2>/dev/null || fail "export $format $*"
  "$BIN" export "$format" --db "$DB" -o "$WORK/again-$output" "$@" 2>/dev/null
}
export_twice graphml graphml graph.graphml
export_twice gexf gexf graph.gexf
export_twice timeline timeline timeline.json
export_twice vis timeline vis.json --format vis
export_twice csv csv graph
export_twice jsonl jsonl events.jsonl
export_twice html html timeline.html
for f in graph.graphml graph.gexf timeline.json vis.json graph.nodes.csv graph.edges.csv events.jsonl timeline.html; do
  [ -s "$OUT/$f" ] || fail "missing $f"
  cmp -s "$OUT/$f" "$WORK/again-$f" || fail "$f differs across runs"
done
echo "8 files identical across runs"

"$BIN" stats --db "$DB" >"$WORK/stats.txt"
if [ -d "$TOOLS" ]; then
  step "real clients"
  bash "$TOOLS/check_graphml.sh" --strict "$OUT/graph.graphml" | tail -1
  bash "$TOOLS/check_gexf.sh" --strict "$OUT/graph.gexf" | tail -1
  if [ "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['events']))" "$OUT/timeline.json")" -gt 0 ]; then
    bash "$TOOLS/check_timeline.sh" "$OUT/timeline.json" "$OUT/timeline.png" | grep -E "rendered|PASS"
  else
    echo "timeline: no dated events, render skipped"
  fi
else
  echo "(no ../shared/tools: client checks skipped)"
fi

step "vis, CSV and JSON Lines against stats"
python3 - "$OUT" "$WORK/stats.txt" <<'PY'
import csv, json, re, sys
out, stats = sys.argv[1], sys.argv[2]
line = next(l for l in open(stats) if l.startswith("graph: "))
m = re.match(r"graph: (\d+) nodes \((.*?)\), (\d+) edges", line)
nodes, edges = int(m.group(1)), int(m.group(3))
kinds = {k.split(" ", 1)[1]: int(k.split(" ", 1)[0]) for k in m.group(2).split(", ") if k}
rows = list(csv.DictReader(open(f"{out}/graph.nodes.csv", encoding="utf-8", newline="")))
erows = list(csv.DictReader(open(f"{out}/graph.edges.csv", encoding="utf-8", newline="")))
assert len(rows) == nodes, f"nodes.csv has {len(rows)} rows, stats {nodes}"
assert len(erows) == edges, f"edges.csv has {len(erows)} rows, stats {edges}"
ids = {r["Id"] for r in rows}
assert all(r["Source"] in ids and r["Target"] in ids for r in erows), "edges.csv names unknown nodes"
events = [json.loads(l) for l in open(f"{out}/events.jsonl", encoding="utf-8")]
assert len(events) == kinds.get("event", 0), f"{len(events)} JSON lines, {kinds.get('event', 0)} events"
tl = json.load(open(f"{out}/timeline.json"))
vis = json.load(open(f"{out}/vis.json"))
assert len(vis["items"]) == len(tl["events"]), "vis items != timeline slides"
groups = {g["id"] for g in vis["groups"]}
assert all(i["group"] in groups for i in vis["items"]), "vis item without its group"
print(f"csv: {len(rows)} nodes, {len(erows)} edges; jsonl: {len(events)} events; vis: {len(vis['items'])} items, {len(groups)} groups")
PY

step "GraphML round trip (networkx) against stats"
bash "$SRC/tests/exporters/check_roundtrip.sh" "$BIN" "$SRC" "$DB"

step "HTML viewer, offline"
NODE_PATH="${NODE_PATH:-${XDG_CACHE_HOME:-$HOME/.cache}/kg-tools/timeline-node/node_modules}"
if [ -x "${KG_CHROMIUM:-/usr/bin/chromium}" ] && command -v node >/dev/null && [ -d "$NODE_PATH/playwright-core" ]; then
  NODE_PATH="$NODE_PATH" node "$SRC/tests/exporters/check_viewer.mjs" "$OUT/timeline.html" "$OUT/viewer.png"
else
  echo "(no chromium/playwright-core: viewer check skipped)"
fi
echo "exports: ok"
