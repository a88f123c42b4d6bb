#!/usr/bin/env bash
# The HTML viewer of fixtures/ in headless Chromium, offline (check_viewer.mjs). Skipped (77)
# without Chromium or playwright-core (installed by ../shared/tools/check_timeline.sh into
# ${XDG_CACHE_HOME:-$HOME/.cache}/kg-tools/timeline-node, or give NODE_PATH).
# usage: check_viewer.sh STORYLINE_BINARY SOURCE_DIR [SCREENSHOT.png]
set -euo pipefail
BIN="$1"
SRC="$2"
NODE_PATH="${NODE_PATH:-${XDG_CACHE_HOME:-$HOME/.cache}/kg-tools/timeline-node/node_modules}"
export NODE_PATH
[ -x "${KG_CHROMIUM:-/usr/bin/chromium}" ] && command -v node >/dev/null && [ -d "$NODE_PATH/playwright-core" ] ||
  { echo "SKIP: needs chromium, node and playwright-core"; exit 77; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$BIN" run "$SRC/fixtures/articles" -o "$WORK/out" -q >/dev/null 2>&1
"$BIN" export html --db "$WORK/out/storyline.db" -o "$WORK/timeline.html" 2>/dev/null
"$BIN" export html --db "$WORK/out/storyline.db" -o "$WORK/again.html" 2>/dev/null
cmp "$WORK/timeline.html" "$WORK/again.html" || { echo "FAIL: html differs across runs"; exit 1; }
node "$SRC/tests/exporters/check_viewer.mjs" "$WORK/timeline.html" ${3:+"$3"}
